/**
 * Stopping an ingest on request (SIGINT/SIGTERM in the CLI, a cancel in a service): the caller
 * aborts an AbortSignal; the ingest stops reading its sources, lets the batches already sent come
 * back, deletes its staging indices and records its run as `interrupted`. What users see (the
 * aliases) never changed.
 */
import type { RawRow, RowSource, RowStreamOptions } from '../sources/types';
import type { OpenedSources } from './load_context';

/** The ingest was stopped on request; the message is one line a user can act on. */
export class IngestInterrupted extends Error {
  constructor(
    message: string,
    readonly runId: string,
  ) {
    super(message);
    this.name = 'IngestInterrupted';
  }
}

/** How long an interrupted load may take to notice and let its in-flight batches return. */
export const LOAD_STOP_WAIT_MS = 10_000;

/** What stopped it, for messages: the signal name, or `a request`. */
export function abortCause(signal: AbortSignal): string {
  return typeof signal.reason === 'string' ? signal.reason : 'a request';
}

export function interrupted(signal: AbortSignal, runId: string, stage: string): IngestInterrupted {
  return new IngestInterrupted(
    `ingest ${runId} interrupted by ${abortCause(signal)} during ${stage}: nothing was published, its staging indices were deleted; the data users see is unchanged`,
    runId,
  );
}

async function* untilAborted<T>(items: AsyncIterable<T>, signal: AbortSignal): AsyncIterable<T> {
  for await (const item of items) {
    if (signal.aborted) throw new Error(`reading stopped: ${abortCause(signal)}`);
    yield item;
  }
}

/** The same sources, which stop yielding (throw) once `signal` is aborted. */
export function stoppableSources(sources: OpenedSources, signal: AbortSignal): OpenedSources {
  const wrap = (source: RowSource): RowSource => ({
    label: source.label,
    columns: () => source.columns(),
    sample: (limit?: number) => source.sample(limit),
    rows: (options?: RowStreamOptions) => untilAborted<RawRow>(source.rows(options), signal),
    ...(source.rowBatches
      ? {
          rowBatches: (options?: RowStreamOptions) =>
            untilAborted<RawRow[]>(source.rowBatches!(options), signal),
        }
      : {}),
    ...(source.progress ? { progress: () => source.progress!() } : {}),
  });
  return Object.fromEntries(
    Object.entries(sources).map(([role, source]) => [role, wrap(source)]),
  ) as OpenedSources;
}

/**
 * Resolves with `work`, or rejects with `onAbort()` as soon as `signal` is aborted. `work` keeps
 * running then: its rejection is absorbed here (the caller waits for it with settleWithin).
 */
export function raceAbort<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: () => Error,
): Promise<T> {
  if (!signal) return work;
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** Waits for `work` to settle, at most `timeoutMs`; never throws. */
export async function settleWithin(work: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([work.then(noop, noop), timeout]);
  clearTimeout(timer);
}

function noop(): void {}
