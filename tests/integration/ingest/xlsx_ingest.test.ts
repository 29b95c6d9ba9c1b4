import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../../common/indices';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { ingest } from '../../../sidecar/src/ingest/ingest';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';

/**
 * One workbook, written here so the fixture is readable: a first sheet that is not ours, then
 * `Sessions` (real Excel dates, numbers, booleans, a formula, rich text, a text date in
 * `yyyy-mm-dd hh:mm`, two bad rows) and `Customers`.
 */
async function writeWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes').addRow(['exported 2025-03-06']);
  const sessions = workbook.addWorksheet('Sessions');
  sessions.addRow(['Order', 'Customer', 'Started', 'Amount', 'Bought', 'Region']);
  sessions.addRow(['x1', 'k1', new Date(Date.UTC(2025, 2, 1, 14, 5)), 12.5, true, 'North']);
  sessions.addRow([
    'x2',
    'k1',
    '2025-03-02 09:30',
    { formula: '10*2', result: 20 },
    'yes',
    'North',
  ]);
  sessions.addRow([
    { richText: [{ text: 'x' }, { text: '3' }] },
    'k2',
    new Date(Date.UTC(2025, 2, 3, 8, 0)),
    0,
    false,
    'South',
  ]);
  sessions.addRow(['x4', 'k2', 'soon', 5, true, 'South']);
  sessions.addRow(['x5', 'k2', new Date(Date.UTC(2025, 2, 4, 8, 0)), 'five', true, 'South']);
  const customers = workbook.addWorksheet('Customers');
  customers.addRow(['Customer', 'Installed']);
  customers.addRow(['k1', new Date(Date.UTC(2025, 1, 28, 23, 0))]);
  customers.addRow(['k2', new Date(Date.UTC(2025, 2, 2, 7, 45))]);
  await workbook.xlsx.writeFile(path);
}

describe('XLSX ingest', () => {
  const prefix = testPrefix('ingest-xlsx');
  const names = indexNames(prefix);
  const directory = mkdtempSync(join(tmpdir(), 'ingest-xlsx-'));
  const workbook = join(directory, 'shop.xlsx');
  let client: Client;

  beforeAll(async () => {
    client = testClient();
    await ensureIndices(client, { prefix });
    await writeWorkbook(workbook);
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('reads sheets by name and position; Excel dates are wall-clock time in the configured zone', async () => {
    const errorsFile = join(directory, 'errors.ndjson');
    const summary = await ingest(
      client,
      names,
      {
        sessions: {
          source: { type: 'xlsx', path: workbook, sheet: 'Sessions' },
          columns: {
            order_id: 'Order',
            client: 'Customer',
            session_start: 'Started',
            payment_amount: 'Amount',
            purchased: 'Bought',
            dimension: 'Region',
          },
        },
        customers: {
          source: { type: 'xlsx', path: workbook, sheet: 3 },
          columns: { client: 'Customer', download_date: 'Installed' },
        },
        parse: { timezone: 'Europe/Berlin' },
        max_error_rate: 0.5,
      },
      { errorsFile },
    );
    expect(summary.rows_read).toEqual({ customers: 2, sessions: 5 });
    expect(summary.indexed).toEqual({ orders: 3, downloads: 2 });
    expect(
      readFileSync(errorsFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => {
          const entry = JSON.parse(line) as { line: number; field: string; reason: string };
          return [entry.line, entry.field, entry.reason];
        }),
    ).toEqual([
      [5, 'session_start', 'invalid_date'],
      [6, 'payment_amount', 'invalid_number'],
    ]);
    const orders = await client.mget<{
      session_start: string;
      payment_amount: number;
      purchased: boolean;
    }>({ index: names.orders, ids: ['x1', 'x2', 'x3'] });
    const found = orders.docs.map((doc) => ('_source' in doc ? doc._source : null));
    // 14:05 in Berlin (UTC+1 in March before the switch) is 13:05 UTC.
    expect(found[0]).toMatchObject({
      session_start: '2025-03-01T13:05:00.000Z',
      payment_amount: 12.5,
      purchased: true,
    });
    expect(found[1]).toMatchObject({
      session_start: '2025-03-02T08:30:00.000Z',
      payment_amount: 20,
      purchased: true,
    });
    expect(found[2]).toMatchObject({ session_start: '2025-03-03T07:00:00.000Z', purchased: false });
    const k1 = await client.get({ index: names.downloads, id: 'k1' });
    expect(k1._source).toMatchObject({ download_date: '2025-02-28T22:00:00.000Z' });
  });

  it('names the sheets it has when the configured one is missing', async () => {
    await expect(
      ingest(
        client,
        names,
        {
          sessions: { source: { type: 'xlsx', path: workbook, sheet: 'Visits' } },
          customers: {
            source: { type: 'xlsx', path: workbook, sheet: 'Customers' },
            columns: { client: 'Customer', download_date: 'Installed' },
          },
        },
        { errorsFile: join(directory, 'missing.ndjson') },
      ),
    ).rejects.toThrow(`${workbook} has no sheet "Visits" (sheets: Notes, Sessions, Customers)`);
  });
});
