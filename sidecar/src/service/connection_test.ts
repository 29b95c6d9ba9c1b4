import type { z } from 'zod';
import {
  CONNECTION_MAPPING_SCHEMAS,
  type ConnectionRole,
  type ConnectionTest,
} from '../../../common/admin_api';
import type { SourceConfig } from '../../../common/source_mapping';
import { openSource } from '../sources/open_source';
import type { RawValue } from '../sources/types';

type Mapping = z.output<(typeof CONNECTION_MAPPING_SCHEMAS)[ConnectionRole]>;

const SAMPLE_ROWS = 5;

function sampleValue(value: RawValue): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Each field of the role's column mapping: required ones default to a column, others don't. */
function mappedFields(role: ConnectionRole, mapping: Mapping) {
  const shape = CONNECTION_MAPPING_SCHEMAS[role].shape.columns.unwrap().shape as Record<
    string,
    z.ZodType
  >;
  const columns = mapping.columns as Record<string, string | undefined>;
  const fields = Object.entries(shape).map(([field, schema]) => ({
    field,
    column: columns[field] ?? null,
    required: typeof schema.safeParse(undefined).data === 'string',
  }));
  const actions = 'actions' in mapping ? mapping.actions : [];
  return [
    ...fields,
    ...actions.map((action) => ({
      field: `actions.${action.name}`,
      column: action.column,
      required: false,
    })),
  ];
}

/**
 * What the admin app's test button shows: the source's columns, each mapped field with whether
 * its column exists, the problems in words, and the first rows. A source that cannot be opened
 * answers ok: false with the source's own (secret-free) message.
 */
export async function testConnection(
  role: ConnectionRole,
  mapping: Mapping,
): Promise<ConnectionTest> {
  const source = openSource(mapping.source as SourceConfig);
  const fields = mappedFields(role, mapping);
  let columns: string[];
  try {
    columns = await source.columns();
  } catch (error) {
    return {
      ok: false,
      source: source.label,
      columns: [],
      fields: fields.map((field) => ({ ...field, found: false })),
      problems: [(error as Error).message],
      sample: [],
    };
  }
  const known = new Set(columns);
  const checked = fields.map((field) => ({
    ...field,
    found: field.column !== null && known.has(field.column),
  }));
  const problems = checked
    .filter((field) => field.column !== null && !field.found)
    .map(
      (field) =>
        `${field.field}: column '${field.column}' is not in ${source.label} (columns: ${columns.join(', ') || 'none'})`,
    );
  const rows = await source.sample(SAMPLE_ROWS);
  return {
    ok: problems.length === 0,
    source: source.label,
    columns,
    fields: checked,
    problems,
    sample: rows.map((row) =>
      Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, sampleValue(v)])),
    ),
  };
}
