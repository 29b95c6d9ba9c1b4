import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../sidecar/src/ingest/config';
import { applyConfig, readDesiredConfig } from '../../../deploy/sidecar/apply_config';
import { completeEnv, parseEnv, writeEnvFile } from '../../../deploy/init/generate_env';

const EXAMPLE = join(import.meta.dirname, '../../../customer-analytics.example.yml');

describe('customer-analytics.example.yml', () => {
  it('parses with the ingest config loader', async () => {
    const config = await loadConfigFile(EXAMPLE);
    expect(config.sessions!.source).toEqual({
      type: 'csv',
      path: '/data/sessions.csv',
      delimiter: 'auto',
      quote: '"',
      encoding: 'utf8',
    });
    expect(config.sessions!.actions).toEqual([
      { name: 'has_basket', column: 'has_basket' },
      { name: 'order_screen', column: 'order_screen' },
    ]);
    expect(config.customers!.source.type).toBe('postgres');
    expect(config.products!.source.type).toBe('xlsx');
    expect(config.parse).toEqual({
      timezone: 'UTC',
      date_formats: ['dd/MM/yyyy HH:mm'],
      decimal_separator: '.',
    });
    expect(config.max_error_rate).toBe(0.01);
  });

  it('gives the configure step three connections and one schedule', async () => {
    const desired = await readDesiredConfig(EXAMPLE);
    expect(desired.connections.map((c) => c.role)).toEqual(['sessions', 'customers', 'products']);
    expect(desired.schedules).toEqual([{ name: 'nightly', period: 'cron', cron: '0 30 2 * * *' }]);
  });

  it('refuses a schedule the admin API would refuse, naming the field', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ca-config-'));
    const path = join(folder, 'c.yml');
    const text = readFileSync(EXAMPLE, 'utf8').replace("cron: '0 30 2 * * *'", "at: 'tomorrow'");
    writeFileSync(path, text);
    await expect(readDesiredConfig(path)).rejects.toThrow(/schedules\.0\.(cron|at)/);
  });
});

describe('the configure step against an admin API', () => {
  it('PUTs each connection and creates only the schedules not there by name', async () => {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push(`${request.method} ${request.url} ${request.headers.authorization} ${body}`);
        const answer = request.method === 'GET' ? [{ name: 'nightly' }] : {};
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const done = await applyConfig(`http://127.0.0.1:${port}`, 't0k', {
      connections: [{ role: 'sessions', mapping: { a: 1 } }],
      schedules: [
        { name: 'nightly', period: 'daily' },
        { name: 'hourly', period: 'hourly' },
      ],
    });
    server.close();
    expect(seen).toEqual([
      'PUT /connections/sessions Bearer t0k {"a":1}',
      'GET /schedules Bearer t0k ',
      'POST /schedules Bearer t0k {"name":"hourly","period":"hourly"}',
    ]);
    expect(done).toEqual(['connection sessions saved', 'schedule hourly created']);
  });
});

describe('the init step (.env)', () => {
  it('adds every missing secret and keeps the ones already set', () => {
    const { text, added } = completeEnv('# mine\nELASTIC_PASSWORD=keepme\nKIBANA_PASSWORD=\n');
    const values = parseEnv(text);
    expect(values.get('ELASTIC_PASSWORD')).toBe('keepme');
    expect(text.startsWith('# mine\nELASTIC_PASSWORD=keepme\n')).toBe(true);
    expect(added).toEqual([
      'KIBANA_PASSWORD',
      'SIDECAR_ES_PASSWORD',
      'KIBANA_ENCRYPTION_KEY',
      'CA_ADMIN_TOKEN',
      'CA_SECRET_KEY',
    ]);
    expect(values.get('KIBANA_PASSWORD')).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(values.get('CA_ADMIN_TOKEN')).toMatch(/^[0-9a-f]{64}$/);
    expect(text.match(/^KIBANA_PASSWORD=/gm)).toHaveLength(1);
  });

  it('writes the file 0600 and leaves a complete one byte for byte', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ca-env-')), '.env');
    await writeEnvFile(path);
    const first = readFileSync(path, 'utf8');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await writeEnvFile(path)).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe(first);
  });
});
