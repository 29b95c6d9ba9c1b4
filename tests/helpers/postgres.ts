import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findFreePort } from '../../sidecar/src/es/ports';
import { chownRecursive, ensureUnprivilegedUser } from '../../sidecar/src/es/unprivileged_user';

export interface TestPostgres {
  host: string;
  port: number;
  user: string;
  database: string;
  /** A connected client for loading fixtures; closed by stop(). */
  client: pg.Client;
  stop(): Promise<void>;
}

/** The newest PostgreSQL under /usr/lib/postgresql/<version>/bin (Debian's layout). */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql)',
    );
  }
  return join(root, versions[0]!, 'bin');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A throwaway PostgreSQL server for one test file: a fresh cluster in a temp folder, trust
 * authentication on 127.0.0.1 only, a free port. PostgreSQL refuses to run as root, so as root it
 * runs as the project's unprivileged system user.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'ca-postgres-'));
  const dataDir = join(dir, 'data');
  const runAs = ensureUnprivilegedUser();
  if (runAs) {
    chmodSync(dir, 0o755);
    chownRecursive([dir], runAs);
  }
  const asUser: SpawnSyncOptions = {
    encoding: 'utf8',
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  };
  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'],
    asUser,
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${String(init.stderr)}`);
  const port = await findFreePort();
  const server = spawn(
    join(bin, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
    ],
    { stdio: 'ignore', detached: false, ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}) },
  );
  let exited = false;
  server.once('exit', () => {
    exited = true;
  });
  const stop = async () => {
    if (!exited) {
      server.kill('SIGINT');
      for (let i = 0; i < 100 && !exited; i += 1) await sleep(100);
      if (!exited) server.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      database: 'postgres',
    });
    try {
      await client.connect();
      return {
        host: '127.0.0.1',
        port,
        user: 'postgres',
        database: 'postgres',
        client,
        stop: async () => {
          await client.end().catch(() => undefined);
          await stop();
        },
      };
    } catch (error) {
      await client.end().catch(() => undefined);
      if (exited || Date.now() > deadline) {
        await stop();
        throw new Error(`PostgreSQL did not start on port ${port}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await sleep(200);
    }
  }
}
