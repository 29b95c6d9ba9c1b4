import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import {
  CUSTOMERS_HEADER,
  PRODUCTS_HEADER,
  SESSIONS_HEADER,
  customerRow,
  productRows,
  sessionRow,
} from './csv_rows';
import { generateDemo } from './generator';
import { buildGroundTruth, type GroundTruth } from './ground_truth';
import type { DemoOptions } from './options';
import { DemoTally } from './tally';

/** Lines are gathered into chunks of about this many characters before each write. */
const CHUNK_CHARS = 1 << 18;

/**
 * A file written in chunks that waits for 'drain' whenever the stream's buffer is full, so a
 * fast generator can never pile up data in memory.
 */
class ChunkedFile {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }

  line(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length + 1;
  }

  get full(): boolean {
    return this.pendingChars >= CHUNK_CHARS;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('\n') + '\n';
    this.pending = [];
    this.pendingChars = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}

export interface DemoFilesResult {
  directory: string;
  files: { sessions: string; customers: string; products: string; groundTruth: string };
  groundTruth: GroundTruth;
}

/**
 * Writes sessions.csv, customers.csv, products.csv and ground-truth.json into `directory`,
 * customer by customer. `onProgress` is called after each customer with the count so far.
 */
export async function writeDemoFiles(
  options: DemoOptions,
  directory: string,
  onProgress?: (customersDone: number, sessionsDone: number) => void,
): Promise<DemoFilesResult> {
  const generator = generateDemo(options);
  mkdirSync(directory, { recursive: true });
  const files = {
    sessions: join(directory, 'sessions.csv'),
    customers: join(directory, 'customers.csv'),
    products: join(directory, 'products.csv'),
    groundTruth: join(directory, 'ground-truth.json'),
  };
  const sessions = new ChunkedFile(files.sessions);
  const customers = new ChunkedFile(files.customers);
  const products = new ChunkedFile(files.products);
  const all = [sessions, customers, products];
  sessions.line(SESSIONS_HEADER);
  customers.line(CUSTOMERS_HEADER);
  products.line(PRODUCTS_HEADER);

  const tally = new DemoTally(generator);
  try {
    for (const block of generator.customerBlocks()) {
      tally.add(block);
      customers.line(customerRow(block.customer));
      for (const session of block.sessions) {
        sessions.line(sessionRow(session));
        for (const row of productRows(session)) products.line(row);
      }
      for (const file of all) if (file.full) await file.flush();
      onProgress?.(tally.customers, tally.sessions);
    }
  } finally {
    await Promise.all(all.map((file) => file.close()));
  }
  const groundTruth = buildGroundTruth(generator, tally);
  const ground = new ChunkedFile(files.groundTruth);
  ground.line(JSON.stringify(groundTruth, null, 2));
  await ground.close();
  return { directory, files, groundTruth };
}
