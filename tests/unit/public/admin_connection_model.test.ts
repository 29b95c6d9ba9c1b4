import { describe, expect, it } from 'vitest';
import {
  columnFields,
  draftFromMapping,
  mappingFromDraft,
} from '../../../public/apps/admin/connection_model';
import { stageProgress } from '../../../public/apps/admin/admin_format';
import { sessionsMappingSchema } from '../../../common/source_mapping';

describe('the Data & schedules connection form model', () => {
  it('lists each role’s required and optional columns from the contract', () => {
    expect(columnFields('sessions')).toEqual([
      { field: 'order_id', required: true },
      { field: 'client', required: true },
      { field: 'session_start', required: true },
      { field: 'payment_amount', required: true },
      { field: 'purchased', required: true },
      { field: 'session_end', required: false },
      { field: 'discount_amount', required: false },
      { field: 'promotion_id', required: false },
      { field: 'dimension', required: false },
    ]);
    expect(columnFields('customers')).toEqual([
      { field: 'client', required: true },
      { field: 'download_date', required: true },
      { field: 'signup_date', required: false },
    ]);
  });

  it('sends only what was typed: numbers as numbers, an action named after its column as a name', () => {
    const body = mappingFromDraft('sessions', {
      type: 'postgres',
      source: {
        host: ' db.local ',
        port: '5433',
        database: 'shop',
        user: 'ca',
        password: '',
        table: 'sessions',
      },
      columns: { client: 'customer_id', dimension: ' region ', session_end: '' },
      actions: [
        { name: 'has_basket', column: 'has_basket' },
        { name: 'order_screen', column: 'OrderScreen' },
      ],
    });
    expect(body).toEqual({
      source: {
        type: 'postgres',
        host: 'db.local',
        port: 5433,
        database: 'shop',
        user: 'ca',
        table: 'sessions',
      },
      columns: { client: 'customer_id', dimension: 'region' },
      actions: ['has_basket', { name: 'order_screen', column: 'OrderScreen' }],
    });
    expect(sessionsMappingSchema.safeParse(body).success).toBe(true);
  });

  it('products have no action list; a numeric sheet is a position', () => {
    const body = mappingFromDraft('products', {
      type: 'xlsx',
      source: { path: '/data/lines.xlsx', sheet: '2' },
      columns: {},
      actions: [{ name: 'ignored', column: 'ignored' }],
    });
    expect(body).toEqual({
      source: { type: 'xlsx', path: '/data/lines.xlsx', sheet: 2 },
      columns: {},
    });
  });

  it('reads a stored mapping (parsed, password masked) back into the form', () => {
    const draft = draftFromMapping({
      source: {
        type: 'postgres',
        host: 'db',
        port: 5432,
        password: '********',
        ssl: false,
        params: [],
      },
      columns: { order_id: 'order_id', dimension: 'region' },
      actions: [{ name: 'has_basket', column: 'basket' }],
    });
    expect(draft).toEqual({
      type: 'postgres',
      source: { type: 'postgres', host: 'db', port: '5432', password: '********' },
      columns: { order_id: 'order_id', dimension: 'region' },
      actions: [{ name: 'has_basket', column: 'basket' }],
    });
  });

  it('counts complete and skipped stages as finished and names the running one', () => {
    expect(
      stageProgress([
        { name: 'ingest:check', status: 'skipped' },
        { name: 'ingest:load', status: 'complete' },
        { name: 'discover', status: 'running' },
        { name: 'reports', status: 'pending' },
      ]),
    ).toEqual({ finished: 2, total: 4, current: 'discover' });
  });
});
