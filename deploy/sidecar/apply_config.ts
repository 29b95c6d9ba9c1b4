/**
 * The compose `configure` service: makes the running sidecar's connections and schedules match
 * customer-analytics.yml, through the admin API (the same calls the Kibana app makes).
 * Connections: `sessions`, `customers`, `products` of the file, each PUT (replaced). Schedules:
 * the file's `schedules` list, matched by name: missing ones are created, the file never deletes
 * one made in Kibana. `ingest --config` reads the same file and ignores `schedules`.
 *
 *   node --import tsx deploy/sidecar/apply_config.ts --config FILE [--url http://sidecar:5603] [--stay]
 *   CA_ADMIN_TOKEN: the admin API's token.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { scheduleInputSchema, CONNECTION_ROLES } from '../../common/admin_api';
import { ConfigError, loadConfigFile } from '../../sidecar/src/ingest/config';

const schedulesSchema = z.array(scheduleInputSchema).default([]);
export type ScheduleInput = z.output<typeof scheduleInputSchema>;

/** What the file asks of the service: one PUT per configured role, the schedules by name. */
export interface DesiredConfig {
  connections: { role: (typeof CONNECTION_ROLES)[number]; mapping: unknown }[];
  schedules: ScheduleInput[];
}

/** Reads the file with the ingest's own loader (paths resolved) plus its `schedules` list. */
export async function readDesiredConfig(path: string): Promise<DesiredConfig> {
  const ingest = await loadConfigFile(path);
  if (ingest.order_lines) {
    throw new ConfigError(
      `config ${path}: order_lines is read by \`ingest --config\` only; the service takes sessions, customers and products connections`,
    );
  }
  const raw = parseYaml(await readFile(path, 'utf8')) as { schedules?: unknown };
  const schedules = schedulesSchema.safeParse(raw.schedules);
  if (!schedules.success) {
    const problems = schedules.error.issues.map(
      (i) => `  schedules.${i.path.join('.')}: ${i.message}`,
    );
    throw new ConfigError(`config ${path} is not valid:\n${problems.join('\n')}`);
  }
  const connections = CONNECTION_ROLES.flatMap((role) =>
    ingest[role] ? [{ role, mapping: ingest[role] }] : [],
  );
  return { connections, schedules: schedules.data };
}

async function call(url: string, token: string, method: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Applies `desired`; answers what was done, one line per change. */
export async function applyConfig(
  baseUrl: string,
  token: string,
  desired: DesiredConfig,
): Promise<string[]> {
  const done: string[] = [];
  for (const { role, mapping } of desired.connections) {
    await call(`${baseUrl}/connections/${role}`, token, 'PUT', mapping);
    done.push(`connection ${role} saved`);
  }
  const existing = (await call(`${baseUrl}/schedules`, token, 'GET')) as { name: string }[];
  const names = new Set(existing.map((schedule) => schedule.name));
  for (const schedule of desired.schedules) {
    if (names.has(schedule.name)) continue;
    await call(`${baseUrl}/schedules`, token, 'POST', schedule);
    done.push(`schedule ${schedule.name} created`);
  }
  return done;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      url: { type: 'string', default: 'http://127.0.0.1:5603' },
      stay: { type: 'boolean', default: false },
    },
  });
  const token = process.env.CA_ADMIN_TOKEN?.trim();
  if (!values.config || !token) {
    console.error(
      'usage: apply_config.ts --config FILE [--url URL] [--stay], with CA_ADMIN_TOKEN set',
    );
    process.exit(2);
  }
  try {
    const lines = await applyConfig(values.url, token, await readDesiredConfig(values.config));
    console.log(lines.length > 0 ? lines.join('\n') : 'nothing to change');
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (values.stay) {
    await writeFile('/tmp/applied', new Date().toISOString());
    // Idle so the healthcheck can report success; SIGTERM ends it at `docker compose down`.
    process.on('SIGTERM', () => process.exit(0));
    setInterval(() => undefined, 1 << 30);
  }
}
