/** Logical indices the product owns; physical names are `${prefix}${name}`. */
export const INDEX_NAMES = [
  'orders',
  'downloads',
  'reports',
  'customers',
  'config',
  'runs',
  'annotations',
  'search',
] as const;
export type IndexName = (typeof INDEX_NAMES)[number];

export const DEFAULT_INDEX_PREFIX = 'customer-analytics-';

const PREFIX_PATTERN = /^[a-z0-9][a-z0-9_.-]*$/;

export function assertValidIndexPrefix(prefix: string): void {
  if (!PREFIX_PATTERN.test(prefix)) {
    throw new Error(
      `index prefix '${prefix}' is invalid: use lowercase letters, digits, '-', '_' or '.', starting with a letter or digit`,
    );
  }
}

export function indexName(prefix: string, name: IndexName): string {
  return `${prefix}${name}`;
}

export type IndexNames = Record<IndexName, string>;

export function indexNames(prefix: string = DEFAULT_INDEX_PREFIX): IndexNames {
  assertValidIndexPrefix(prefix);
  return Object.fromEntries(
    INDEX_NAMES.map((name) => [name, indexName(prefix, name)]),
  ) as IndexNames;
}
