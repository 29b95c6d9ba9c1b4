/**
 * Per customer of a run (index = position in the run's customer dictionary): when they
 * downloaded, signed up and did each dated action, and their first session overall and per
 * dimension value. NaN = never (or not seen there).
 */
export interface CustomerTable {
  clients: string[];
  downloadMs: Float64Array;
  signupMs: Float64Array;
  actions: Array<{ name: string; timeMs: Float64Array }>;
  /** [0] = all sessions, [d + 1] = dimension value d's sessions. */
  firstSessionMs: Float64Array[];
}

/** Builds a CustomerTable as downloads and first sessions stream in, any order. */
export class CustomerTableBuilder {
  private readonly index = new Map<string, number>();
  private readonly clients: string[] = [];
  private readonly downloadMs: number[] = [];
  private readonly signupMs: number[] = [];
  private readonly actionMs: number[][];
  private readonly firstSessionMs: number[][];

  constructor(
    private readonly actionNames: readonly string[],
    dimensionCount: number,
  ) {
    this.actionMs = actionNames.map(() => []);
    this.firstSessionMs = Array.from({ length: dimensionCount + 1 }, () => []);
  }

  get size(): number {
    return this.clients.length;
  }

  indexOf(client: string): number {
    let i = this.index.get(client);
    if (i === undefined) {
      i = this.clients.length;
      this.index.set(client, i);
      this.clients.push(client);
      this.downloadMs.push(NaN);
      this.signupMs.push(NaN);
      for (const column of this.actionMs) column.push(NaN);
      for (const column of this.firstSessionMs) column.push(NaN);
    }
    return i;
  }

  setDownload(client: string, downloadMs: number, signupMs: number, actionMs: number[]): void {
    const i = this.indexOf(client);
    this.downloadMs[i] = downloadMs;
    this.signupMs[i] = signupMs;
    actionMs.forEach((ms, a) => {
      this.actionMs[a]![i] = ms;
    });
  }

  /**
   * A first session of customer `i` (from indexOf) in dimension value `dimensionIndex` (-1 = no
   * dimension: counts for all); the earliest of several is kept.
   */
  addFirstSession(i: number, dimensionIndex: number, timeMs: number): void {
    const all = this.firstSessionMs[0]!;
    if (!(all[i]! <= timeMs)) all[i] = timeMs;
    if (dimensionIndex >= 0) {
      const column = this.firstSessionMs[dimensionIndex + 1]!;
      if (!(column[i]! <= timeMs)) column[i] = timeMs;
    }
  }

  /**
   * Renumbers the customers in client order, so their indices do not depend on which of the
   * concurrent loads saw a client first (the same data gives the same numbering, and so the
   * same seeded samples downstream).
   */
  sortByClient(): void {
    const clients = this.clients;
    const order = Array.from(clients.keys()).sort((a, b) =>
      clients[a]! < clients[b]! ? -1 : clients[a]! > clients[b]! ? 1 : 0,
    );
    const permute = <T>(column: T[]): void => {
      const copy = column.slice();
      order.forEach((from, to) => (column[to] = copy[from]!));
    };
    permute(this.clients);
    permute(this.downloadMs);
    permute(this.signupMs);
    this.actionMs.forEach(permute);
    this.firstSessionMs.forEach(permute);
    this.index.clear();
    this.clients.forEach((client, i) => this.index.set(client, i));
  }

  build(): CustomerTable {
    return {
      clients: this.clients,
      downloadMs: Float64Array.from(this.downloadMs),
      signupMs: Float64Array.from(this.signupMs),
      actions: this.actionNames.map((name, a) => ({
        name,
        timeMs: Float64Array.from(this.actionMs[a]!),
      })),
      firstSessionMs: this.firstSessionMs.map((column) => Float64Array.from(column)),
    };
  }
}

/**
 * The customers of a context: for `all` every known customer (downloads without any session
 * included); for a dimension value those with a session in it.
 */
export function contextCustomers(table: CustomerTable, dimensionIndex: number): Int32Array {
  if (dimensionIndex < 0) return Int32Array.from(table.clients.keys());
  const first = table.firstSessionMs[dimensionIndex + 1]!;
  const customers: number[] = [];
  first.forEach((ms, i) => {
    if (!Number.isNaN(ms)) customers.push(i);
  });
  return Int32Array.from(customers);
}
