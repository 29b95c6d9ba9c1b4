import type { DownloadDocument, OrderDocument } from '../../common/documents';
import {
  generateDemo,
  toOrderDocument,
  type DemoGenerator,
  type DemoOptions,
} from '../../sidecar/src/demo';

export interface DemoDocuments {
  generator: DemoGenerator;
  orders: OrderDocument[];
  downloads: DownloadDocument[];
  /** The day (YYYY-MM-DD) of the latest session. */
  lastSessionDay: string;
}

/**
 * A demo shop as the documents ingest would store (every session, each customer's download), for
 * loadOrdersFixture.
 */
export function demoDocuments(options: DemoOptions): DemoDocuments {
  const generator = generateDemo(options);
  const orders: OrderDocument[] = [];
  const downloads: DownloadDocument[] = [];
  for (const block of generator.customerBlocks()) {
    orders.push(...block.sessions.map(toOrderDocument));
    const { client, download_date, signup_date } = block.customer;
    downloads.push({ client, download_date, signup_date });
  }
  const last = orders.reduce((max, o) => (o.session_start > max ? o.session_start : max), '');
  return { generator, orders, downloads, lastSessionDay: last.slice(0, 10) };
}
