/**
 * The process one service run works in (forked by run_process.ts): the run's CSV parsing and
 * analyses would otherwise share the admin API's event loop. Its document is written by the
 * service (snapshots sent as messages), its log lines go to the service's log, and it stops
 * like the service on SIGTERM: an ingest finishes its batches and the run is recorded
 * interrupted. If the service dies the channel closes and this process stops too.
 */
import { connectionFromEnv, createClient, type ConnectionSettings } from '../es/connection';
import { LOAD_STOP_WAIT_MS } from '../ingest/interruption';
import { RunRecorder, type RunWriter } from '../runs/run_recorder';
import { workFullRun } from './full_run';
import type { ChildMessage, ServiceMessage, StartMessage } from './run_messages';

const stop = new AbortController();
const unanswered = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
const sending = new Set<Promise<void>>();
let lastSeq = 0;
let ingesting = false;

function send(message: ChildMessage): Promise<void> {
  const sent = new Promise<void>((resolve, reject) => {
    if (!process.send || !process.connected) {
      reject(new Error('the service that started this run is gone'));
      return;
    }
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
  const tracked = sent.catch(() => undefined);
  sending.add(tracked);
  void tracked.finally(() => sending.delete(tracked));
  return sent;
}

/** Each snapshot is written by the service; its answer (or failure) is this write's. */
const writer: RunWriter = (document, refresh) =>
  new Promise<void>((resolve, reject) => {
    const seq = ++lastSeq;
    unanswered.set(seq, { resolve, reject });
    send({ type: 'record', seq, document, refresh }).catch((error: Error) => {
      unanswered.delete(seq);
      reject(error);
    });
  });

/** The cluster the service uses: its URL, with ES_URL's credentials when that is the same one. */
function connection(esUrl: string): ConnectionSettings {
  const configured = connectionFromEnv();
  if (configured && new URL(configured.url).href === new URL(esUrl).href) return configured;
  return { url: esUrl };
}

async function work(start: StartMessage): Promise<void> {
  const client = createClient(connection(start.esUrl));
  const recorder = RunRecorder.relay(start.document, writer);
  await workFullRun(client, start, recorder, stop.signal, {
    log: (level, message, fields) => void send({ type: 'log', level, message, fields }),
    ingesting: (on) => {
      ingesting = on;
      void send({ type: 'phase', ingesting: on }).catch(() => undefined);
    },
  });
  await client.close().catch(() => undefined);
}

async function exit(code: number): Promise<never> {
  await Promise.all(sending);
  process.exit(code);
}

process.on('message', (message: ServiceMessage) => {
  if (message.type === 'start') {
    work(message).then(
      () => exit(0),
      async (error: unknown) => {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        await send({ type: 'log', level: 'error', message: text }).catch(() => undefined);
        await exit(1);
      },
    );
  } else if (message.type === 'recorded') {
    const waiting = unanswered.get(message.seq);
    unanswered.delete(message.seq);
    if (message.error) waiting?.reject(new Error(message.error));
    else waiting?.resolve();
  } else {
    stop.abort(message.reason);
  }
});

void send({ type: 'ready' }).catch(() => undefined);

// Ctrl-C reaches the whole process group: stop as asked by the service, not at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => stop.abort(`interrupted by ${signal}`));
}

// The service died (SIGKILL, crash): no one will record this run, whose document names the
// service as its owner (the next start marks it interrupted). An ingest still deletes its staging.
process.on('disconnect', () => {
  stop.abort('the service that started this run is gone');
  for (const waiting of unanswered.values()) waiting.reject(new Error('the service is gone'));
  unanswered.clear();
  if (!ingesting) process.exit(1);
  setTimeout(() => process.exit(1), LOAD_STOP_WAIT_MS + 5_000).unref();
});
