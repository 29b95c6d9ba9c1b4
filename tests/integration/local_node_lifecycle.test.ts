import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localNodeDir } from '../../sidecar/src/es/local_node';
import { PROJECT_ROOT } from '../../sidecar/src/paths';
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

interface RunningCli {
  cli: ChildProcess;
  port: number;
  groupId: number;
  nodeDir: string;
}

/**
 * `customer-analytics elasticsearch` in one Node process (tsx as an import hook rather than its
 * CLI, which would add a relaying parent), ready and with both JVMs of its node running.
 */
function spawnCli(nodeName: string, port: number): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(PROJECT_ROOT, 'sidecar/src/cli/main.ts'),
      'elasticsearch',
      '--port',
      String(port),
      '--node-name',
      nodeName,
      '--prefix',
      `lifecycle-${process.pid}-`,
    ],
    { cwd: PROJECT_ROOT, env: { ...process.env, ES_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

async function startCli(label: string): Promise<RunningCli> {
  const nodeName = `lifecycle-${label}-${process.pid}`;
  const nodeDir = localNodeDir(nodeName);
  const port = await findFreePort();
  const cli = spawnCli(nodeName, port);
  await waitForOutput(cli, /ready at http:\/\/127\.0\.0\.1:\d+/, 180_000);
  const health = await fetch(`http://127.0.0.1:${port}/_cluster/health`);
  expect(health.ok).toBe(true);
  // The node runs in its own process group: the launcher JVM and the server JVM it forks.
  const groupId = Number(readFileSync(join(nodeDir, 'node.pid'), 'utf8'));
  expect(processGroup(groupId).filter((command) => command === 'java')).toHaveLength(2);
  return { cli, port, groupId, nodeDir };
}

/** Polls until no java of the group is left, or `timeoutMs` passed; returns what is left. */
async function javaLeftAfter(groupId: number, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let java = processGroup(groupId).filter((command) => command === 'java');
  while (java.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    java = processGroup(groupId).filter((command) => command === 'java');
  }
  return java;
}

function cleanUp(running: RunningCli | undefined): void {
  if (!running) return;
  running.cli.kill('SIGKILL');
  try {
    process.kill(-running.groupId, 'SIGKILL');
  } catch {
    // Already gone, as it should be.
  }
  rmSync(running.nodeDir, { recursive: true, force: true });
}

describe('embedded Elasticsearch lifecycle', () => {
  it('Ctrl-C on the CLI stops both Elasticsearch JVMs: no orphan java is left behind', async () => {
    let running: RunningCli | undefined;
    try {
      running = await startCli('int');
      const { cli, groupId, nodeDir, port } = running;
      const exited = new Promise<number | null>((resolve) => cli.once('exit', resolve));
      cli.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(processGroup(groupId)).toEqual([]);
      expect(existsSync(join(nodeDir, 'node.pid'))).toBe(false);
      await expect(fetch(`http://127.0.0.1:${port}/_cluster/health`)).rejects.toThrow();
    } finally {
      cleanUp(running);
    }
  });

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} twice 100 ms apart (a wrapper forwarding to its group, an impatient user) still stops the node`, async () => {
      let running: RunningCli | undefined;
      try {
        running = await startCli(`twice-${signal.toLowerCase()}`);
        const { cli, groupId, port } = running;
        const exited = new Promise<number | null>((resolve) => cli.once('exit', resolve));
        cli.kill(signal);
        await new Promise((resolve) => setTimeout(resolve, 100));
        cli.kill(signal);
        expect(await exited).toBe(code);
        expect(await javaLeftAfter(groupId, 30_000)).toEqual([]);
        await expect(fetch(`http://127.0.0.1:${port}/_cluster/health`)).rejects.toThrow();
      } finally {
        cleanUp(running);
      }
    });
  }

  it('a second command while `npm start` runs the node uses it, and leaves it running when it ends', async () => {
    let running: RunningCli | undefined;
    try {
      running = await startCli('attach');
      const { groupId, nodeDir, port } = running;
      const second = spawnCli(`lifecycle-attach-${process.pid}`, port);
      const output = await waitForOutput(second, /ready at http:\/\/127\.0\.0\.1:\d+/, 60_000);
      expect(output).toContain(`another command started at http://127.0.0.1:${port}`);
      const exited = new Promise<number | null>((resolve) => second.once('exit', resolve));
      second.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(processGroup(groupId).filter((command) => command === 'java')).toHaveLength(2);
      expect((await fetch(`http://127.0.0.1:${port}/_cluster/health`)).ok).toBe(true);
      expect(existsSync(join(nodeDir, 'node.pid'))).toBe(true);

      // Another node's name on that port is not this node: the port is taken, said plainly.
      const other = spawnCli(`lifecycle-other-${process.pid}`, port);
      const refused = new Promise<number | null>((resolve) => other.once('exit', resolve));
      await waitForOutput(other, /port \d+ \(Elasticsearch HTTP\) is already in use/, 60_000);
      expect(await refused).not.toBe(0);
      rmSync(localNodeDir(`lifecycle-other-${process.pid}`), { recursive: true, force: true });
    } finally {
      cleanUp(running);
    }
  });

  it('SIGKILL of the CLI (nothing of ours runs): the watchdog stops the node within 30 s', async () => {
    let running: RunningCli | undefined;
    try {
      running = await startCli('kill');
      const { cli, groupId, port } = running;
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        cli.once('exit', (_code, signal) => resolve(signal)),
      );
      cli.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(await javaLeftAfter(groupId, 30_000)).toEqual([]);
      await expect(fetch(`http://127.0.0.1:${port}/_cluster/health`)).rejects.toThrow();
    } finally {
      cleanUp(running);
    }
  });
});
