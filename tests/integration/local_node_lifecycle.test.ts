import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localNodeDir } from '../../sidecar/src/es/local_node';
import { PROJECT_ROOT } from '../../sidecar/src/es/paths';
import { findFreePort } from '../../sidecar/src/es/ports';

/** Live processes in process group `groupId` with their command names (reads /proc, Linux). */
function processGroup(groupId: number): string[] {
  const members: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command: state, ppid, pgrp, …
      const afterCommand = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (Number(afterCommand[2]) === groupId && afterCommand[0] !== 'Z') members.push(command);
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

function waitForOutput(
  child: ReturnType<typeof spawn>,
  pattern: RegExp,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!pattern.test(output))
        reject(new Error(`exited with ${code} before ${pattern}:\n${output}`));
    });
  });
}

describe('embedded Elasticsearch lifecycle', () => {
  it('Ctrl-C on the CLI stops both Elasticsearch JVMs: no orphan java is left behind', async () => {
    const nodeName = `lifecycle-${process.pid}`;
    const nodeDir = localNodeDir(nodeName);
    const port = await findFreePort();
    const cli = spawn(
      process.execPath,
      [
        join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'),
        join(PROJECT_ROOT, 'sidecar/src/cli/main.ts'),
        'elasticsearch',
        '--port',
        String(port),
        '--node-name',
        nodeName,
        '--prefix',
        `lifecycle-${process.pid}-`,
      ],
      { env: { ...process.env, ES_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      await waitForOutput(cli, /ready at http:\/\/127\.0\.0\.1:\d+/, 180_000);
      const health = await fetch(`http://127.0.0.1:${port}/_cluster/health`);
      expect(health.ok).toBe(true);
      // The node runs in its own process group: the launcher JVM and the server JVM it forks.
      const groupId = Number(readFileSync(join(nodeDir, 'node.pid'), 'utf8'));
      expect(processGroup(groupId).filter((command) => command === 'java')).toHaveLength(2);

      const exited = new Promise<number | null>((resolve) => cli.once('exit', resolve));
      cli.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(processGroup(groupId)).toEqual([]);
      expect(existsSync(join(nodeDir, 'node.pid'))).toBe(false);
      await expect(fetch(`http://127.0.0.1:${port}/_cluster/health`)).rejects.toThrow();
    } finally {
      cli.kill('SIGKILL');
      rmSync(nodeDir, { recursive: true, force: true });
    }
  });
});
