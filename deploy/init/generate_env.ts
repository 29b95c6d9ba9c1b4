/**
 * The compose `init` service: writes the stack's secrets into `.env` (0600, owned like the folder
 * it is in, since the service runs as root). A value already there is kept, so running it again
 * after an upgrade adds only what is new and never locks a user out of an existing cluster.
 *
 *   node --import tsx deploy/init/generate_env.ts /project/.env
 */
import { randomBytes } from 'node:crypto';
import { chmod, chown, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Elastic's compose example requires alphanumeric passwords (they pass through shell and JSON). */
const alphanumeric = (bytes: number) => () =>
  randomBytes(bytes * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, bytes);
const hex = (bytes: number) => () => randomBytes(bytes).toString('hex');

/** Every generated variable, and why it exists. */
export const GENERATED_VARIABLES: Record<string, () => string> = {
  ELASTIC_PASSWORD: alphanumeric(24), // the `elastic` superuser: log in to Kibana with it
  KIBANA_PASSWORD: alphanumeric(24), // kibana_system, Kibana's own connection
  SIDECAR_ES_PASSWORD: alphanumeric(24), // customer_analytics, the sidecar's user
  KIBANA_ENCRYPTION_KEY: hex(32), // xpack.encryptedSavedObjects (≥ 32 characters)
  CA_ADMIN_TOKEN: hex(32), // the sidecar admin API's bearer token, also given to Kibana
  CA_SECRET_KEY: hex(32), // seals data-source passwords stored in Elasticsearch
};

/** `NAME=value` lines of an env file (comments and blank lines ignored). */
export function parseEnv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (match) values.set(match[1]!, match[2]!.trim());
  }
  return values;
}

/** The file's text with a line appended for each missing or empty generated variable. */
export function completeEnv(existing: string): { text: string; added: string[] } {
  const values = parseEnv(existing);
  const added = Object.keys(GENERATED_VARIABLES).filter((name) => !values.get(name));
  if (added.length === 0) return { text: existing, added };
  const kept = existing
    .split('\n')
    .filter((line) => !added.some((name) => new RegExp(`^\\s*${name}\\s*=`).test(line)))
    .join('\n');
  const lines = added.map((name) => `${name}=${GENERATED_VARIABLES[name]!()}`);
  const head = kept.length > 0 && !kept.endsWith('\n') ? `${kept}\n` : kept;
  return { text: `${head}${lines.join('\n')}\n`, added };
}

export async function writeEnvFile(path: string): Promise<string[]> {
  let existing = '';
  try {
    existing = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { text, added } = completeEnv(existing);
  if (added.length > 0) await writeFile(path, text, { mode: 0o600 });
  await chmod(path, 0o600);
  if (process.getuid?.() === 0) {
    const folder = await stat(dirname(path));
    await chown(path, folder.uid, folder.gid);
  }
  return added;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: generate_env.ts <path of .env>');
    process.exit(2);
  }
  const added = await writeEnvFile(path);
  console.log(
    added.length > 0 ? `${path}: wrote ${added.join(', ')}` : `${path}: every value already set`,
  );
}
