import { z } from 'zod';
import type { ConnectionMappingInput, ConnectionRole } from '../../../common/admin_api';
import {
  customerColumnsSchema,
  productColumnsSchema,
  sessionColumnsSchema,
  type SourceType,
} from '../../../common/source_mapping';

/** One setting of a source type, as the form shows it. */
export interface SourceField {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'password';
  help?: string;
}

/** The settings the form offers per source type (the rest keep the schema's defaults). */
export const SOURCE_FIELDS: Record<SourceType, SourceField[]> = {
  csv: [
    { key: 'path', label: 'File path (on the sidecar)', kind: 'text' },
    { key: 'delimiter', label: 'Delimiter', kind: 'text', help: 'auto, or , ; | or a tab' },
  ],
  xlsx: [
    { key: 'path', label: 'File path (on the sidecar)', kind: 'text' },
    { key: 'sheet', label: 'Sheet', kind: 'text', help: 'a name, or its position' },
  ],
  postgres: [
    { key: 'host', label: 'Host', kind: 'text' },
    { key: 'port', label: 'Port', kind: 'number' },
    { key: 'database', label: 'Database', kind: 'text' },
    { key: 'user', label: 'User', kind: 'text' },
    { key: 'password', label: 'Password', kind: 'password', help: 'stored encrypted' },
    { key: 'schema', label: 'Schema', kind: 'text' },
    { key: 'table', label: 'Table', kind: 'text', help: 'a table, or a query' },
    { key: 'query', label: 'Query', kind: 'text' },
  ],
  bigquery: [
    { key: 'project_id', label: 'Project id', kind: 'text' },
    { key: 'dataset', label: 'Dataset', kind: 'text' },
    { key: 'table', label: 'Table', kind: 'text', help: 'a table, or a query' },
    { key: 'query', label: 'Query', kind: 'text' },
    { key: 'key_file', label: 'Service-account key file', kind: 'text' },
  ],
  redshift: [
    { key: 'region', label: 'Region', kind: 'text' },
    { key: 'cluster_identifier', label: 'Cluster identifier', kind: 'text' },
    { key: 'workgroup_name', label: 'Workgroup (serverless)', kind: 'text' },
    { key: 'database', label: 'Database', kind: 'text' },
    { key: 'secret_arn', label: 'Secret ARN', kind: 'text' },
    { key: 'table', label: 'Table', kind: 'text', help: 'a table, or a query' },
    { key: 'query', label: 'Query', kind: 'text' },
  ],
};
export const SOURCE_TYPES = Object.keys(SOURCE_FIELDS) as SourceType[];

const COLUMN_SCHEMAS = {
  sessions: sessionColumnsSchema,
  customers: customerColumnsSchema,
  products: productColumnsSchema,
} as const;

/** Which roles have an action list (sessions: boolean columns; customers: dated actions). */
export const ROLE_HAS_ACTIONS: Record<ConnectionRole, boolean> = {
  sessions: true,
  customers: true,
  products: false,
};

export const ROLE_TITLES: Record<ConnectionRole, string> = {
  sessions: 'Sessions',
  customers: 'Customers',
  products: 'Products',
};

/**
 * The fields of a role's column mapping, from the contract's schema: a required field defaults
 * to the column of its own name, an optional one is left out unless a column is named.
 */
export function columnFields(role: ConnectionRole): { field: string; required: boolean }[] {
  return Object.entries(COLUMN_SCHEMAS[role].shape).map(([field, schema]) => ({
    field,
    required: schema instanceof z.ZodDefault,
  }));
}

export interface ActionEntry {
  name: string;
  column: string;
}

/** The form's state of one connection: every value as typed. */
export interface ConnectionDraft {
  type: SourceType;
  source: Record<string, string>;
  columns: Record<string, string>;
  actions: ActionEntry[];
}

export function emptyDraft(): ConnectionDraft {
  return { type: 'csv', source: {}, columns: {}, actions: [] };
}

/** A stored mapping (secrets masked) as the form's state. */
export function draftFromMapping(mapping: Record<string, unknown>): ConnectionDraft {
  const source = (mapping.source ?? {}) as Record<string, unknown>;
  const type = SOURCE_TYPES.includes(source.type as SourceType)
    ? (source.type as SourceType)
    : 'csv';
  const text = (values: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(values)
        .filter(([, value]) => ['string', 'number'].includes(typeof value))
        .map(([key, value]) => [key, String(value)]),
    );
  const actions = ((mapping.actions ?? []) as (string | ActionEntry)[]).map((action) =>
    typeof action === 'string' ? { name: action, column: action } : action,
  );
  return {
    type,
    source: text(source),
    columns: text((mapping.columns ?? {}) as Record<string, unknown>),
    actions,
  };
}

/** The request body for the draft: empty settings and columns left out (schema defaults apply). */
export function mappingFromDraft(
  role: ConnectionRole,
  draft: ConnectionDraft,
): ConnectionMappingInput {
  const source: Record<string, unknown> = { type: draft.type };
  for (const field of SOURCE_FIELDS[draft.type]) {
    const value = draft.source[field.key]?.trim() ?? '';
    if (value === '') continue;
    const numeric = field.kind === 'number' || (field.key === 'sheet' && /^\d+$/.test(value));
    source[field.key] = numeric ? Number(value) : value;
  }
  const columns = Object.fromEntries(
    Object.entries(draft.columns)
      .map(([field, column]) => [field, column.trim()] as const)
      .filter(([, column]) => column !== ''),
  );
  const mapping: Record<string, unknown> = { source, columns };
  if (ROLE_HAS_ACTIONS[role]) {
    mapping.actions = draft.actions.map((action) =>
      action.column === action.name ? action.name : action,
    );
  }
  return mapping as ConnectionMappingInput;
}
