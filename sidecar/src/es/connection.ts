import { readFileSync } from 'node:fs';
import { Client } from '@elastic/elasticsearch';

type ClientOptions = ConstructorParameters<typeof Client>[0];

/** How to reach an existing cluster; absent `url` means "start the embedded node". */
export interface ConnectionSettings {
  url: string;
  apiKey?: string;
  username?: string;
  password?: string;
  caFile?: string;
}

/** ES_URL (+ ES_API_KEY, or ES_USERNAME/ES_PASSWORD, and ES_CA_FILE), or null when unset. */
export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectionSettings | null {
  const url = env.ES_URL?.trim();
  if (!url) return null;
  try {
    new URL(url);
  } catch {
    throw new Error(`ES_URL '${url}' is not a URL (expected e.g. https://es.example.com:9200)`);
  }
  return {
    url,
    apiKey: env.ES_API_KEY || undefined,
    username: env.ES_USERNAME || undefined,
    password: env.ES_PASSWORD || undefined,
    caFile: env.ES_CA_FILE || undefined,
  };
}

export function createClient(settings: ConnectionSettings): Client {
  const options: ClientOptions = {
    node: settings.url,
    requestTimeout: 120_000,
    maxRetries: 3,
  };
  if (settings.apiKey) options.auth = { apiKey: settings.apiKey };
  else if (settings.username) {
    options.auth = { username: settings.username, password: settings.password ?? '' };
  }
  if (settings.caFile) options.tls = { ca: readFileSync(settings.caFile, 'utf8') };
  return new Client(options);
}
