import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { XlsxSourceConfig } from '../../../common/source_mapping';
import { SourceError, takeSample, type RawRow, type RawValue, type RowSource } from './types';

/**
 * Excel stores dates without a zone and exceljs hands them back as if they were UTC; we return
 * the wall-clock text instead so the configured timezone applies, as for any other source.
 */
function wallClock(date: Date): string {
  return date.toISOString().replace(/Z$/, '');
}

/** A cell's value as a plain scalar: formulas give their result, rich text its text. */
export function cellValue(value: unknown): RawValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return wallClock(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'object') {
    const cell = value as {
      result?: unknown;
      richText?: Array<{ text: string }>;
      text?: unknown;
      error?: string;
    };
    if ('result' in cell) return cellValue(cell.result);
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('');
    if ('text' in cell) return cellValue(cell.text);
    if (cell.error) return cell.error;
  }
  return String(value);
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  id: number;
  name?: string;
}

/** One sheet of an .xlsx workbook, read with exceljs' streaming reader (rows are never all held). */
export class XlsxSource implements RowSource {
  readonly label: string;

  constructor(private readonly config: XlsxSourceConfig) {
    this.label = `${basename(config.path)}[${config.sheet}]`;
  }

  private async *sheetRows(): AsyncGenerator<ExcelJS.Row> {
    try {
      await access(this.config.path);
    } catch (error) {
      throw new SourceError(`cannot read ${this.config.path}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(this.config.path, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1]);
    const seen: string[] = [];
    let position = 0;
    for await (const sheet of reader as AsyncIterable<SheetReader>) {
      position += 1;
      seen.push(sheet.name ?? `#${position}`);
      const wanted =
        typeof this.config.sheet === 'number'
          ? position === this.config.sheet
          : sheet.name === this.config.sheet;
      if (wanted) {
        yield* sheet;
        return;
      }
      // Sheets must be consumed in order; skip this one's rows.
      for await (const _row of sheet) void _row;
    }
    throw new SourceError(
      `${this.config.path} has no sheet ${JSON.stringify(this.config.sheet)} (sheets: ${seen.join(', ') || 'none'})`,
    );
  }

  async columns(): Promise<string[]> {
    for await (const row of this.sheetRows()) {
      if (row.number === this.config.header_row) return this.header(row);
    }
    throw new SourceError(`${this.label} has no header row ${this.config.header_row}`);
  }

  private header(row: ExcelJS.Row): string[] {
    const values = row.values as unknown[];
    const names: string[] = [];
    for (let i = 1; i < values.length; i += 1)
      names.push(String(cellValue(values[i]) ?? '').trim());
    return names;
  }

  sample(limit = 5): Promise<RawRow[]> {
    return takeSample(this.rows(), limit);
  }

  async *rows(): AsyncGenerator<RawRow> {
    let header: string[] | null = null;
    for await (const row of this.sheetRows()) {
      if (row.number < this.config.header_row) continue;
      if (header === null) {
        header = this.header(row);
        continue;
      }
      const cells = row.values as unknown[];
      const values: Record<string, RawValue> = {};
      let empty = true;
      header.forEach((name, index) => {
        const value = cellValue(cells[index + 1]);
        if (value !== null && value !== '') empty = false;
        values[name] = value;
      });
      if (!empty) yield { line: row.number, values };
    }
  }
}
