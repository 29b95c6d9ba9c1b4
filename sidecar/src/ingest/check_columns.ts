import type { IngestConfig } from '../../../common/source_mapping';
import type { OpenedSources } from './load_context';

/** Every (field, column) a mapping reads from its source, for checking before any row is read. */
export function mappedColumns(
  config: IngestConfig,
): Partial<Record<keyof OpenedSources, Array<{ field: string; column: string }>>> {
  const pairs = (
    columns: Record<string, string | undefined>,
    actions: Array<{ name: string; column: string }> = [],
  ) => [
    ...Object.entries(columns)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([field, column]) => ({ field, column })),
    ...actions.map((action) => ({ field: `actions.${action.name}`, column: action.column })),
  ];
  return {
    ...(config.sessions
      ? { sessions: pairs(config.sessions.columns, config.sessions.actions) }
      : {}),
    ...(config.customers
      ? { customers: pairs(config.customers.columns, config.customers.actions) }
      : {}),
    ...(config.products ? { products: pairs(config.products.columns) } : {}),
    ...(config.order_lines ? { order_lines: pairs(config.order_lines.columns) } : {}),
  };
}

export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

/**
 * Asks each source for its columns and fails, listing every problem at once, when a mapping
 * names a column the source does not have.
 */
export async function checkColumns(config: IngestConfig, sources: OpenedSources): Promise<void> {
  const problems: string[] = [];
  for (const [role, pairs] of Object.entries(mappedColumns(config)) as Array<
    [keyof OpenedSources, Array<{ field: string; column: string }>]
  >) {
    const source = sources[role];
    if (!source) continue;
    const available = await source.columns();
    const known = new Set(available);
    for (const { field, column } of pairs) {
      if (!known.has(column)) {
        problems.push(
          `${role} (${source.label}): column '${column}' for ${field} does not exist; columns are: ${available.join(', ') || 'none'}`,
        );
      }
    }
  }
  if (problems.length > 0)
    throw new MappingError(
      `the column mapping does not match the sources:\n  ${problems.join('\n  ')}`,
    );
}
