import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Client } from '@elastic/elasticsearch';
import { inject } from 'vitest';
import { writeDemoFiles } from '../../../sidecar/src/demo/write_files';
import { serviceLogger } from '../../../sidecar/src/service/logger';
import { startService, type RunningService } from '../../../sidecar/src/service/service';

export const TOKEN = 'test-admin-token-0123456789';

/** Every pino line the service wrote, as text (to grep for secrets). */
export function capturedLogger(lines: string[]) {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return serviceLogger({ level: 'debug', destination });
}

export async function demoDirectory(customers = 60, days = 14): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'ca-service-demo-'));
  await writeDemoFiles({ customers, days, seed: 5, start: '2025-01-06', dimensions: 2 }, directory);
  return directory;
}

export function startTestService(
  client: Client,
  prefix: string,
  workFolder: string,
  logLines: string[],
  extra: { lockTtlMs?: number } = {},
): Promise<RunningService> {
  return startService({
    client,
    esUrl: inject('esUrl'),
    prefix,
    host: '127.0.0.1',
    port: 0,
    workFolder,
    logger: capturedLogger(logLines),
    env: { CA_ADMIN_TOKEN: TOKEN, CA_SECRET_KEY: 'a passphrase for the tests' },
    ...extra,
  });
}

/** A caller of the admin API with the token (or `token` given, or none). */
export function adminClient(baseUrl: string, token: string | null = TOKEN) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, text, json: text ? JSON.parse(text) : null };
  };
}

export const csvConnections = (directory: string) => ({
  sessions: {
    source: { type: 'csv', path: join(directory, 'sessions.csv') },
    columns: {
      session_end: 'session_end',
      discount_amount: 'discount_amount',
      promotion_id: 'promotion_id',
      dimension: 'dimension',
    },
    actions: ['has_basket', 'order_screen'],
  },
  customers: {
    source: { type: 'csv', path: join(directory, 'customers.csv') },
    columns: { signup_date: 'signup_date' },
  },
  products: {
    source: { type: 'csv', path: join(directory, 'products.csv') },
    columns: { quantity: 'quantity' },
  },
});

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
