import { readFile } from 'node:fs/promises';
import { extname, dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compileFormat, assertTimeZone } from './parse_dates';
import {
  demoIngestConfig,
  ingestConfigSchema,
  type IngestConfig,
  type IngestConfigInput,
  type SourceConfig,
} from '../../../common/source_mapping';

/** A config that does not validate; the message lists every problem with its path. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Validates a config object: schema, timezone and date formats. */
export function validateConfig(
  input: IngestConfigInput | IngestConfig,
  origin = 'ingest config',
): IngestConfig {
  const result = ingestConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
    );
    throw new ConfigError(`${origin} is not valid:\n${problems.join('\n')}`);
  }
  try {
    assertTimeZone(result.data.parse.timezone);
    result.data.parse.date_formats.forEach(compileFormat);
  } catch (error) {
    throw new ConfigError(`${origin}: ${(error as Error).message}`);
  }
  return result.data;
}

function resolvePaths(config: IngestConfig, baseDir: string): IngestConfig {
  const fix = (source: SourceConfig): SourceConfig => {
    if (source.type === 'csv' || source.type === 'xlsx') {
      return {
        ...source,
        path: isAbsolute(source.path) ? source.path : resolve(baseDir, source.path),
      };
    }
    if (source.type === 'postgres' && typeof source.ssl === 'object' && source.ssl.ca_file) {
      return { ...source, ssl: { ...source.ssl, ca_file: resolve(baseDir, source.ssl.ca_file) } };
    }
    if (source.type === 'bigquery' && source.key_file)
      return { ...source, key_file: resolve(baseDir, source.key_file) };
    return source;
  };
  return {
    ...config,
    ...(config.sessions
      ? { sessions: { ...config.sessions, source: fix(config.sessions.source) } }
      : {}),
    ...(config.customers
      ? { customers: { ...config.customers, source: fix(config.customers.source) } }
      : {}),
    ...(config.products
      ? { products: { ...config.products, source: fix(config.products.source) } }
      : {}),
    ...(config.order_lines
      ? { order_lines: { ...config.order_lines, source: fix(config.order_lines.source) } }
      : {}),
  };
}

/** Reads a YAML or JSON config; relative file paths in it are relative to the config file. */
export async function loadConfigFile(path: string): Promise<IngestConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(
      `config ${path} is not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
    );
  }
  return resolvePaths(
    validateConfig(parsed as IngestConfigInput, `config ${path}`),
    dirname(resolve(path)),
  );
}

/** The config for the three demo CSVs in `directory`. */
export function demoConfig(directory: string): IngestConfig {
  return validateConfig(demoIngestConfig(resolve(directory)), `demo data in ${directory}`);
}
