/**
 * The service's side of a run worked in a child process (run_child.ts): the child's snapshots
 * are written through the run's recorder (this process owns the document and its heartbeat),
 * its log lines go to the service's logger, and its end is the run's: a child that exits with
 * the run still `running` crashed, and the run is recorded failed with its exit code or signal.
 */
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { PROJECT_ROOT } from '../paths';
import type { RunRecorder } from '../runs/run_recorder';
import type { ChildMessage, ServiceMessage, StartMessage } from './run_messages';

const RUN_CHILD_ENTRY = join(PROJECT_ROOT, 'sidecar', 'src', 'service', 'run_child.ts');
/** tsx runs the TypeScript entry, as it runs the CLI (bin/customer-analytics.js). */
const TSX_LOADER = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
/**
 * A run is batch work and the admin API is interactive: on a busy host the kernel gives the
 * service's requests the CPU first (a lower priority only orders who waits; an idle host runs
 * the run at full speed).
 */
const RUN_PROCESS_NICENESS = 10;

export interface RunProcess {
  readonly pid: number | undefined;
  /** Whether the run's ingest is under way: only then has a stop batches to wait for. */
  readonly ingesting: boolean;
  /** Resolves once the child is gone and the run's outcome is recorded. */
  readonly done: Promise<void>;
  /** Asks the run to stop as on SIGTERM (an ingest finishes its batches). */
  stop(reason: string): void;
  /** Ends the child at once (the run was already recorded as interrupted). */
  kill(): void;
}

function ended(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

function lowerPriority(pid: number, log: Logger): void {
  try {
    setPriority(pid, RUN_PROCESS_NICENESS);
  } catch (error) {
    log.warn({ error: (error as Error).message }, 'could not lower the run process priority');
  }
}

export function startRunProcess(
  start: Omit<StartMessage, 'type'>,
  recorder: RunRecorder,
  log: Logger,
): RunProcess {
  const child = fork(RUN_CHILD_ENTRY, [], {
    execArgv: ['--import', TSX_LOADER],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (child.pid !== undefined) lowerPriority(child.pid, log);
  let ingesting = false;
  let stopReason: string | null = null;
  const tell = (message: ServiceMessage) => {
    if (child.connected) child.send(message, (error) => error && log.debug({ error }, 'ipc'));
  };
  child.on('message', (message: ChildMessage) => {
    if (message.type === 'record') {
      recorder.adopt(message.document, message.refresh).then(
        () => tell({ type: 'recorded', seq: message.seq }),
        (error: Error) => tell({ type: 'recorded', seq: message.seq, error: error.message }),
      );
    } else if (message.type === 'ready') {
      if (stopReason === null) tell({ type: 'start', ...start });
    } else if (message.type === 'log') {
      log[message.level](message.fields ?? {}, message.message);
    } else {
      ingesting = message.ingesting;
    }
  });

  const done = new Promise<string | null>((resolve) => {
    // 'close' comes after the exit and after every message the child sent was delivered.
    child.once('close', (code, signal) => resolve(code === 0 ? null : ended(code, signal)));
    child.once('error', (error) => {
      if (child.pid === undefined) resolve(`could not be started: ${error.message}`);
    });
  }).then(async (crash) => {
    if (recorder.document.status !== 'running') return;
    if (stopReason !== null) {
      await recorder.interrupt(stopReason).catch(() => undefined);
      return;
    }
    const message = `the run's process (pid ${child.pid ?? '?'}) ${crash ?? 'exited before the run ended'}`;
    log.error({ error: message }, 'run failed');
    await recorder.log('error', message).catch(() => undefined);
    await recorder.fail(new Error(message)).catch(() => undefined);
  });

  return {
    pid: child.pid,
    get ingesting() {
      return ingesting;
    },
    done,
    stop(reason) {
      stopReason = reason;
      tell({ type: 'stop', reason });
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
