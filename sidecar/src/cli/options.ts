import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_INDEX_PREFIX } from '../../../common/indices';
import { DEFAULT_CHURN_FACTOR } from '../analyses/churn';
import { DEFAULT_TOP_N } from '../analyses/products';
import { DEFAULT_ES_PORT } from '../jobs/elasticsearch';
import { DEFAULT_KEEP_RUNS } from '../pipeline/run_analyses';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`'${value}' is not a port (0–65535)`);
  }
  return port;
}

export function parsePositiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new InvalidArgumentError(`'${value}' is not a positive whole number`);
  }
  return number;
}

export function parseNonNegativeInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new InvalidArgumentError(`'${value}' is not a whole number ≥ 0`);
  }
  return number;
}

export function parseFactor(value: string): number {
  const factor = Number(value);
  if (!(factor > 0)) throw new InvalidArgumentError(`'${value}' is not a positive number`);
  return factor;
}

/**
 * Options several commands share, defined once with their defaults from the modules that own
 * them. Each returns a fresh Option (commander attaches an option to one command).
 */
export const sharedOptions = {
  prefix: (description = 'index name prefix') =>
    new Option('--prefix <prefix>', description).default(DEFAULT_INDEX_PREFIX),
  esPort: (flags = '--es-port <port>') =>
    new Option(flags, 'HTTP port of the embedded Elasticsearch (without ES_URL)')
      .argParser(parsePort)
      .default(DEFAULT_ES_PORT),
  top: () =>
    new Option('--top <n>', 'rows of the top products/categories/pairs reports')
      .argParser(parsePositiveInt)
      .default(DEFAULT_TOP_N),
  churnFactor: () =>
    new Option('--churn-factor <x>', 'churned after x × the expected gap')
      .argParser(parseFactor)
      .default(DEFAULT_CHURN_FACTOR),
  keep: () =>
    new Option('--keep <n>', 'complete runs to keep')
      .argParser(parsePositiveInt)
      .default(DEFAULT_KEEP_RUNS),
};
