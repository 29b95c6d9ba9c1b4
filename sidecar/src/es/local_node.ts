import type { ChildProcess } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ensureDistribution } from './distribution';
import { findJavaHome } from './java';
import { CACHE_DIR, PROJECT_ROOT } from '../paths';
import { assertPortFree, findFreePort } from './ports';
import { canAccess, chownRecursive, ensureUnprivilegedUser, type RunAs } from './unprivileged_user';
import { MINIMUM_JAVA_MAJOR } from './version';
import { spawnWatched } from './node_watchdog';

export interface LocalNodeOptions {
  /** Folder name under .cache/nodes; one node per name at a time. */
  name: string;
  /** HTTP port, or 0 for any free port. */
  port: number;
  /** Delete the node's data before starting (tests). */
  fresh?: boolean;
  heapMinMb?: number;
  heapMaxMb?: number;
  startTimeoutMs?: number;
}

export interface LocalNode {
  url: string;
  port: number;
  pid: number;
  nodeDir: string;
  version: string;
  stop(): Promise<void>;
}

const LOG_TAIL_LINES = 40;

function tail(path: string, lines: number): string {
  if (!existsSync(path)) return '';
  return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
}

/** True while any process of the group led by `pid` (launcher or server JVM) is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** A node left behind by a crashed parent (SIGKILL cannot be caught) is stopped before reuse. */
async function stopStaleNode(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  if (Number.isInteger(pid) && pid > 0 && groupAlive(pid)) {
    killGroup(pid, 'SIGTERM');
    for (let i = 0; i < 60 && groupAlive(pid); i += 1) await sleep(500);
    killGroup(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const CLUSTER_NAME = 'customer-analytics-local';

function nodeSettings(port: number, nodeDir: string): string {
  return [
    `cluster.name: ${CLUSTER_NAME}`,
    'node.name: local',
    'discovery.type: single-node',
    'network.host: 127.0.0.1',
    `http.port: ${port}`,
    `path.data: ${join(nodeDir, 'data')}`,
    `path.logs: ${join(nodeDir, 'logs')}`,
    'xpack.security.enabled: false',
    // A nearly full developer disk must not turn indices read-only under the tests.
    'cluster.routing.allocation.disk.threshold_enabled: false',
    'action.destructive_requires_name: false',
    '',
  ].join('\n');
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  outputFile: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new Error(
        `Elasticsearch exited with code ${exited} while starting. Last lines of its output (${outputFile}):\n${tail(outputFile, LOG_TAIL_LINES)}`,
      );
    }
    try {
      const response = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=1s`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  throw new Error(
    `Elasticsearch did not become ready within ${timeoutMs / 1000}s. Last lines of its output (${outputFile}):\n${tail(outputFile, LOG_TAIL_LINES)}`,
  );
}

/**
 * Where the unpacked distribution and node folders live: the project's .cache, unless we run as
 * root and the Elasticsearch user cannot reach it (a clone under /root), then a shared folder.
 */
function runtimeRoot(runAs: RunAs | null): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  if (!runAs || canAccess(CACHE_DIR, runAs)) return CACHE_DIR;
  const projectHash = createHash('sha1').update(PROJECT_ROOT).digest('hex').slice(0, 8);
  const shared = join('/var/tmp', `customer-analytics-${projectHash}`);
  mkdirSync(shared, { recursive: true, mode: 0o755 });
  return shared;
}

/**
 * The URL of embedded node `name` when a command of this checkout (`npm start` in another
 * terminal) already runs it on `port`: its pid file names a live process, its settings that
 * port, and the port answers as our cluster. Null otherwise.
 */
export async function runningLocalNodeUrl(name: string, port: number): Promise<string | null> {
  if (port === 0) return null;
  const nodeDir = localNodeDir(name);
  const pidFile = join(nodeDir, 'node.pid');
  const settings = join(nodeDir, 'config', 'elasticsearch.yml');
  if (!existsSync(pidFile) || !existsSync(settings)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  if (!(Number.isInteger(pid) && pid > 0 && groupAlive(pid))) return null;
  if (!readFileSync(settings, 'utf8').split('\n').includes(`http.port: ${port}`)) return null;
  const url = `http://127.0.0.1:${port}`;
  try {
    const response = await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(2_000) });
    const about = (await response.json()) as { cluster_name?: unknown };
    return about.cluster_name === CLUSTER_NAME ? url : null;
  } catch {
    return null;
  }
}

/** The folder of embedded node `name` (config, data, logs, pid file). */
export function localNodeDir(name: string): string {
  return join(runtimeRoot(ensureUnprivilegedUser()), 'nodes', name);
}

/**
 * Starts a single-node Elasticsearch from the integ-test distribution on 127.0.0.1 and resolves
 * once the cluster is yellow. The node runs in its own process group so that stop() (and the
 * exit hook) take down both the launcher JVM and the server JVM it forks; a watchdog in that
 * group stops it when this process dies without running either (SIGKILL).
 */
export async function startLocalNode(options: LocalNodeOptions): Promise<LocalNode> {
  const runAs = ensureUnprivilegedUser();
  const root = runtimeRoot(runAs);
  const distribution = ensureDistribution(root);
  const java = findJavaHome(MINIMUM_JAVA_MAJOR);
  const port = options.port === 0 ? await findFreePort() : options.port;
  await assertPortFree(port, 'Elasticsearch HTTP');

  const nodeDir = join(root, 'nodes', options.name);
  const pidFile = join(nodeDir, 'node.pid');
  await stopStaleNode(pidFile);
  if (options.fresh) rmSync(nodeDir, { recursive: true, force: true });
  const configDir = join(nodeDir, 'config');
  mkdirSync(join(nodeDir, 'data'), { recursive: true });
  mkdirSync(join(nodeDir, 'logs'), { recursive: true });
  cpSync(join(distribution.home, 'config'), configDir, { recursive: true });
  writeFileSync(join(configDir, 'elasticsearch.yml'), nodeSettings(port, nodeDir));
  mkdirSync(join(configDir, 'jvm.options.d'), { recursive: true });
  writeFileSync(
    join(configDir, 'jvm.options.d', 'heap.options'),
    `-Xms${options.heapMinMb ?? 512}m\n-Xmx${options.heapMaxMb ?? 1024}m\n`,
  );

  if (runAs) {
    for (const path of [distribution.home, nodeDir]) {
      if (!canAccess(path, runAs)) {
        throw new Error(
          `Elasticsearch runs as '${runAs.name}' (it refuses root) but that user cannot reach ${path}. ` +
            `Set CUSTOMER_ANALYTICS_CACHE to a folder that user can read`,
        );
      }
    }
    chownRecursive([nodeDir], runAs);
  }

  const outputFile = join(nodeDir, 'node.out');
  const outputFd = openSync(outputFile, 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ES_JAVA_HOME: java.home,
    ES_PATH_CONF: configDir,
    ES_JAVA_OPTS: '',
  };
  delete env.JAVA_HOME;
  const {
    child,
    groupId: pid,
    release,
  } = spawnWatched(join(distribution.home, 'bin', 'elasticsearch'), [], {
    env,
    outputFd,
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
  closeSync(outputFd);
  writeFileSync(pidFile, String(pid));

  const killOnExit = (): void => killGroup(pid, 'SIGKILL');
  process.on('exit', killOnExit);
  const url = `http://127.0.0.1:${port}`;

  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      // The watchdog stops the group once its pipe closes; SIGTERM too in case it is gone.
      release();
      killGroup(pid, 'SIGTERM');
      for (let i = 0; i < 60 && groupAlive(pid); i += 1) await sleep(500);
      killGroup(pid, 'SIGKILL');
      process.off('exit', killOnExit);
      rmSync(pidFile, { force: true });
    })();
    return stopped;
  };

  try {
    await waitUntilReady(url, child, outputFile, options.startTimeoutMs ?? 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  child.unref();
  return { url, port, pid, nodeDir, version: distribution.version, stop };
}
