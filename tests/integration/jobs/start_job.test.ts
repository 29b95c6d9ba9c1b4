import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { inject } from 'vitest';
import {
  startJob,
  type StartEvent,
  type StartJobOptions,
} from '../../../sidecar/src/jobs/start_job';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';

const SHOP = { customers: 120, days: 21, seed: 11 };

function options(prefix: string, events: StartEvent[], extra: Partial<StartJobOptions> = {}) {
  return {
    prefix,
    demo: true,
    reload: false,
    rerun: false,
    shop: SHOP,
    onEvent: (event: StartEvent) => {
      if (!event.kind.endsWith('_progress')) events.push(event);
    },
    ...extra,
  };
}

/** Runs `customer-analytics start --no-ui` until it waits for Ctrl-C; its stdout lines. */
function startCommand(prefix: string): Promise<string[]> {
  const args = ['--no-ui', '--prefix', prefix, '--customers', String(SHOP.customers)];
  args.push('--days', String(SHOP.days), '--seed', String(SHOP.seed));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sidecar/src/cli/main.ts', 'start', ...args],
    { env: { ...process.env, ES_URL: inject('esUrl') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop.')) {
        child.kill('SIGTERM');
        resolve(output.trim().split('\n'));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`start exited (${code}):\n${output}\n${errors}`)),
    );
  });
}

describe('the start job', () => {
  let client: Client;
  const prefix = testPrefix('start-job');

  beforeAll(() => {
    client = testClient();
  });

  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('recomputes reports only when something was ingested since the last complete run', async () => {
    const first: StartEvent[] = [];
    const loaded = await startJob(client, options(prefix, first));
    expect(loaded.ingested?.status).toBe('complete');
    expect(loaded.analysed?.reports).toBeGreaterThan(0);
    expect(first.map((e) => e.kind)).toEqual(expect.arrayContaining(['ingested', 'analysed']));

    const second: StartEvent[] = [];
    const again = await startJob(client, options(prefix, second));
    expect(again).toEqual({ ingested: null, analysed: null });
    expect(second.map((e) => e.kind)).toEqual(['ingest_skipped', 'analyses_skipped']);
    const skipped = second[1] as Extract<StartEvent, { kind: 'analyses_skipped' }>;
    expect(skipped.run.runId).toBe(loaded.analysed!.runId);

    const forced = await startJob(client, options(prefix, [], { rerun: true }));
    expect(forced.ingested).toBeNull();
    expect(forced.analysed?.runId).not.toBe(loaded.analysed!.runId);

    const reloaded = await startJob(client, options(prefix, [], { reload: true }));
    expect(reloaded.ingested?.status).toBe('complete');
    expect(reloaded.analysed).not.toBeNull();
  });

  it('prints the Elasticsearch URL first and says in one line when the analyses are skipped', async () => {
    const lines = await startCommand(prefix);
    expect(lines[0]).toBe(`Elasticsearch at ${inject('esUrl')}`);
    expect(lines.filter((line) => line.startsWith('Nothing ingested since'))).toHaveLength(1);
    expect(lines.some((line) => line.startsWith('▶'))).toBe(false);
    expect(lines.at(-1)).toBe('Press Ctrl-C to stop.');
  });
});
