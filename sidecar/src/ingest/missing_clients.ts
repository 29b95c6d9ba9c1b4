import { countMissing } from './basket_join';
import { ExternalSorter } from './external_sort';

interface ClientRun {
  client: string;
  count: number;
}

/**
 * Counts sessions whose client has no customer row, in bounded memory and without asking
 * Elasticsearch afterwards (an aggregation over every order cost more than a second per million):
 *
 * - customers are loaded in client order, so their clients are spooled as they are written
 *   (already sorted: the sorter only writes chunks, it never sorts);
 * - sessions come in order_id order; their clients are spooled as runs (client, sessions in a
 *   row), which is one record per customer when sessions are grouped by customer, as exports
 *   usually are, and one per session at worst; the spool sorts them by client;
 * - at the end both sorted spools are merged.
 *
 * A load restarted through the external sort starts its spool again (startCustomers /
 * startSessions), so nothing is counted twice.
 */
export class ClientCoverage {
  private customers: ExternalSorter<string> | null = null;
  private sessions: ExternalSorter<ClientRun> | null = null;
  private run: ClientRun | null = null;
  private spools = 0;

  constructor(
    private readonly tempDir: string,
    private readonly chunkRecords: number,
  ) {}

  private sorter<T>(name: string, keyOf: (record: T) => string): ExternalSorter<T> {
    this.spools += 1;
    return new ExternalSorter<T>(this.tempDir, `${name}-${this.spools}`, keyOf, this.chunkRecords);
  }

  startCustomers(): void {
    this.customers = this.sorter<string>('customer-clients', (client) => client);
  }

  /** A written customer; clients arrive in key order. */
  addCustomer(client: string): Promise<void> {
    return this.customers!.add(client);
  }

  startSessions(): void {
    this.sessions = this.sorter<ClientRun>('session-clients', (run) => run.client);
    this.run = null;
  }

  /** A written session. Returns a promise only when a run of the same client ended. */
  addSession(client: string): Promise<void> | undefined {
    if (this.run && this.run.client === client) {
      this.run.count += 1;
      return undefined;
    }
    const ended = this.run;
    this.run = { client, count: 1 };
    return ended ? this.sessions!.add(ended) : undefined;
  }

  /** Sessions (counted one by one) whose client is not among the customers. */
  async count(): Promise<number> {
    if (!this.customers || !this.sessions) return 0;
    if (this.run) await this.sessions.add(this.run);
    this.run = null;
    await this.customers.finish();
    await this.sessions.finish();
    const runs = this.sessions.read();
    return countMissing(
      (async function* () {
        for await (const run of runs) yield { key: run.client, count: run.count };
      })(),
      this.customers.read(),
    );
  }
}
