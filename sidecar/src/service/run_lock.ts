import { hostname } from 'node:os';
import type { Client } from '@elastic/elasticsearch';

const LOCK_ID = 'run-lock';
/** A lock not renewed for this long belongs to a dead sidecar and may be taken over. */
export const LOCK_TTL_MS = 60_000;
const RENEW_EVERY_MS = LOCK_TTL_MS / 4;

interface LockBody {
  run_id: string;
  owner: string;
  expires_at: string;
}

interface LockDocument {
  kind: 'lock';
  name: string;
  created_at: string;
  updated_at: string;
  body: LockBody;
}

function statusOf(error: unknown): number | undefined {
  return (error as { meta?: { statusCode?: number } }).meta?.statusCode;
}

export type LockAttempt =
  { acquired: true; lock: HeldLock } | { acquired: false; holder: LockBody };

/**
 * One run at a time across every sidecar on the cluster: a document in the `config` index
 * created with op_type create (only one creator wins), renewed while the run lasts, deleted at
 * its end. An expired lock is deleted with its seq_no, so two sidecars cannot both take it over.
 */
export async function acquireRunLock(
  client: Client,
  index: string,
  runId: string,
  ttlMs: number = LOCK_TTL_MS,
): Promise<LockAttempt> {
  const owner = `${hostname()}:${process.pid}`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const now = new Date();
    const body: LockBody = {
      run_id: runId,
      owner,
      expires_at: new Date(now.getTime() + ttlMs).toISOString(),
    };
    try {
      const document: LockDocument = {
        kind: 'lock',
        name: runId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        body,
      };
      await client.create({ index, id: LOCK_ID, document, refresh: 'wait_for' });
      return { acquired: true, lock: new HeldLock(client, index, body, ttlMs) };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    const found = await client.get<LockDocument>({ index, id: LOCK_ID }, { ignore: [404] });
    if (!found.found) continue;
    const holder = found._source!.body;
    if (Date.parse(holder.expires_at) > Date.now()) return { acquired: false, holder };
    await client
      .delete({
        index,
        id: LOCK_ID,
        if_seq_no: found._seq_no!,
        if_primary_term: found._primary_term!,
        refresh: 'wait_for',
      })
      .catch((error: unknown) => {
        if (statusOf(error) !== 409 && statusOf(error) !== 404) throw error;
      });
  }
  const found = await client.get<LockDocument>({ index, id: LOCK_ID }, { ignore: [404] });
  return {
    acquired: false,
    holder: found._source?.body ?? { run_id: 'unknown', owner: 'unknown', expires_at: '' },
  };
}

export class HeldLock {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly client: Client,
    private readonly index: string,
    private readonly body: LockBody,
    private readonly ttlMs: number,
  ) {
    this.timer = setInterval(() => void this.renew().catch(() => undefined), RENEW_EVERY_MS);
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    const expires = new Date(Date.now() + this.ttlMs).toISOString();
    await this.client.update({
      index: this.index,
      id: LOCK_ID,
      doc: { updated_at: new Date().toISOString(), body: { ...this.body, expires_at: expires } },
    });
  }

  /** Deletes the lock if it is still ours (it may have expired and been taken over). */
  async release(): Promise<void> {
    clearInterval(this.timer);
    const found = await this.client.get<LockDocument>(
      { index: this.index, id: LOCK_ID },
      { ignore: [404] },
    );
    if (!found.found || found._source?.body.run_id !== this.body.run_id) return;
    await this.client.delete(
      {
        index: this.index,
        id: LOCK_ID,
        if_seq_no: found._seq_no!,
        if_primary_term: found._primary_term!,
        refresh: 'wait_for',
      },
      { ignore: [404, 409] },
    );
  }
}
