import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRecords, type CsvRecord } from '../../../sidecar/src/sources/csv_records';

const options = { delimiter: ',', quote: '"', encoding: 'utf8' as const };

/** Reads `bytes` through csvRecords, handed over in chunks of `chunk` bytes. */
async function read(
  bytes: Buffer,
  chunk: number,
  readOptions: Parameters<typeof csvRecords>[1] = options,
): Promise<CsvRecord[]> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunk) chunks.push(bytes.subarray(at, at + chunk));
  const records: CsvRecord[] = [];
  for await (const batch of csvRecords(Readable.from(chunks), readOptions)) records.push(...batch);
  return records;
}

/** The reference: csv-parse over the whole text, start lines from its end lines. */
function reference(text: string): CsvRecord[] {
  const parsed = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  return parsed.map(({ record, info }) => ({
    record,
    line: info.lines - record.join('').split('\n').length + 1,
  }));
}

describe('CSV records (quote-free fast path, csv-parse for quoted text)', () => {
  it('splits plain lines: BOM dropped, CRLF, empty lines skipped but counted, no final newline', async () => {
    const text = '\uFEFFid,name\r\n1,a\r\n\r\n2,b\n\n3,\n4';
    expect(await read(Buffer.from(text), 5)).toEqual([
      { record: ['id', 'name'], line: 1 },
      { record: ['1', 'a'], line: 2 },
      { record: ['2', 'b'], line: 4 },
      { record: ['3', ''], line: 6 },
      { record: ['4'], line: 7 },
    ]);
  });

  it('reads quoted fields (delimiters, doubled quotes, newlines) with start lines', async () => {
    const text = 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,x\n';
    const expected = [
      { record: ['id', 'note'], line: 1 },
      { record: ['1', 'a, b'], line: 2 },
      { record: ['2', 'say "hi"'], line: 3 },
      { record: ['3', 'two\nlines'], line: 4 },
      { record: ['4', 'x'], line: 6 },
    ];
    expect(await read(Buffer.from(text), 1 << 16)).toEqual(expected);
    expect(await read(Buffer.from(text), 3)).toEqual(expected);
  });

  it('switches to csv-parse mid-file at the first quote and keeps counting lines', async () => {
    const plain = Array.from({ length: 50 }, (_, i) => `r${i},v${i}`).join('\n');
    const text = `h1,h2\n${plain}\n"q,1","multi\nline"\nlast,1\n`;
    const records = await read(Buffer.from(text), 64);
    expect(records).toHaveLength(53);
    expect(records[50]).toEqual({ record: ['r49', 'v49'], line: 51 });
    expect(records[51]).toEqual({ record: ['q,1', 'multi\nline'], line: 52 });
    expect(records[52]).toEqual({ record: ['last', '1'], line: 54 });
  });

  it('never splits a multi-byte character across chunks', async () => {
    const text = 'name,city\nJosé,Zürich\nŁukasz,Kraków\n日本,東京\n';
    for (const chunk of [1, 2, 3, 5, 7]) {
      expect((await read(Buffer.from(text), chunk)).map((r) => r.record)).toEqual([
        ['name', 'city'],
        ['José', 'Zürich'],
        ['Łukasz', 'Kraków'],
        ['日本', '東京'],
      ]);
    }
  });

  it('reads latin1 and other delimiters', async () => {
    const bytes = Buffer.from('a;b\ncafé;1\n', 'latin1');
    expect(await read(bytes, 4, { ...options, delimiter: ';', encoding: 'latin1' })).toEqual([
      { record: ['a', 'b'], line: 1 },
      { record: ['café', '1'], line: 2 },
    ]);
  });

  it('matches csv-parse on random files, whatever the chunk size', async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor(seed / 65_536) % n;
    };
    const pieces = ['a', 'bc', 'é', ' ', '1.5', '', ';'];
    for (let file = 0; file < 60; file += 1) {
      const quoted = file % 2 === 0;
      const lines: string[] = [];
      for (let row = 0; row < 1 + random(12); row += 1) {
        const cells: string[] = [];
        for (let cell = 0; cell < 1 + random(4); cell += 1) {
          const value = pieces[random(pieces.length)]!;
          const special = quoted && random(4) === 0;
          cells.push(special ? `"${value},""x""\n${value}"` : value);
        }
        // A single empty cell is an empty line; the reference keeps a quoted one, so avoid it.
        lines.push(cells.join(',') || 'z');
        if (random(5) === 0) lines.push('');
      }
      const newline = random(2) === 0 ? '\n' : '\r\n';
      const text = lines.join(newline) + (random(2) === 0 ? newline : '');
      const expected = reference(text);
      for (const chunk of [1, 3, 16, 1 << 16]) {
        expect(await read(Buffer.from(text), chunk), `${JSON.stringify(text)} / ${chunk}`).toEqual(
          expected,
        );
      }
    }
  });
});
