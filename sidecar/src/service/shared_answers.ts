/** Beyond this many keys, settled answers past their time are dropped on the next load. */
const PRUNE_ABOVE = 256;

interface Entry<T> {
  value: Promise<T>;
  /** When the answer arrived; null while the request is in flight. */
  settledAtMs: number | null;
}

/**
 * Answers shared by concurrent and closely following callers: while a request for `key` is in
 * flight every caller gets its promise, and its answer serves for `ttlMs` after it arrived.
 * Polling clients (the app's run list, health probes) then cost one Elasticsearch request per
 * key per `ttlMs` instead of one each. Failures are not kept.
 */
export class SharedAnswers<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && (entry.settledAtMs === null || this.nowMs() - entry.settledAtMs < this.ttlMs))
      return entry.value;
    if (this.entries.size >= PRUNE_ABOVE) this.prune();
    const fresh: Entry<T> = { value: load(), settledAtMs: null };
    this.entries.set(key, fresh);
    fresh.value.then(
      () => (fresh.settledAtMs = this.nowMs()),
      () => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      },
    );
    return fresh.value;
  }

  private prune(): void {
    const now = this.nowMs();
    for (const [key, entry] of this.entries) {
      if (entry.settledAtMs !== null && now - entry.settledAtMs >= this.ttlMs)
        this.entries.delete(key);
    }
  }
}
