import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { dropPrefix, testClient, testPrefix } from '../helpers/es';

const READY = /Customer Analytics is ready: open (http:\/\/\S+\/app\/customerAnalytics)/;

describe('npm start', () => {
  const prefix = testPrefix('start-command');
  let child: ChildProcess | undefined;

  afterAll(async () => {
    child?.kill('SIGKILL');
    const client = testClient();
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('prints the Elasticsearch URL first and the UI URL as its last line, then serves the UI', async () => {
    const args = ['start', '--prefix', prefix, '--ui-port', '0'];
    args.push('--customers', '80', '--days', '15', '--seed', '5');
    const started = spawn(
      process.execPath,
      ['--import', 'tsx', 'sidecar/src/cli/main.ts', ...args],
      {
        env: { ...process.env, ES_URL: inject('esUrl') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = started;
    const output = await new Promise<string>((resolve, reject) => {
      let text = '';
      started.stdout!.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        // The ready line and the blank line after it: everything start prints has been printed.
        if (READY.test(text) && text.endsWith('\n\n')) resolve(text);
      });
      started.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
      started.once('exit', (code) => reject(new Error(`start exited (${code}):\n${text}`)));
    });
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    expect(lines[0]).toBe(`Elasticsearch at ${inject('esUrl')}`);
    expect(lines.at(-1)).toMatch(READY);
    const url = READY.exec(lines.at(-1)!)![1]!;
    const page = await fetch(url);
    expect(page.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => started.once('exit', resolve));
    started.kill('SIGTERM');
    expect(await exited).toBe(143);
  });
});
