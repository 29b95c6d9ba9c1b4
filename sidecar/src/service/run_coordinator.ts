import type { Client } from '@elastic/elasticsearch';
import type { Logger } from 'pino';
import { indexNames, type IndexNames } from '../../../common/indices';
import { LOAD_STOP_WAIT_MS } from '../ingest/interruption';
import { newRunId } from '../runs/run_id';
import { RunRecorder } from '../runs/run_recorder';
import type { ConfigStore } from './config_store';
import { RUN_STAGES } from './full_run';
import type { RunConnections } from './run_messages';
import { startRunProcess, type RunProcess } from './run_process';
import { acquireRunLock, LOCK_TTL_MS, type HeldLock } from './run_lock';

/** Another run holds the cluster-wide lock; this trigger was recorded as refused. */
export class RunBusyError extends Error {
  constructor(
    readonly runningRunId: string,
    readonly refusedRunId: string,
  ) {
    super(`run ${runningRunId} is in progress; one run at a time (this trigger: ${refusedRunId})`);
    this.name = 'RunBusyError';
  }
}

interface CurrentRun {
  recorder: RunRecorder;
  lock: HeldLock;
  done: Promise<void>;
  /** The child process working the run, once started. */
  process: RunProcess | null;
  /** Set by interrupt(): a run not yet in its process does not start one. */
  stopReason: string | null;
}

/** How long interrupt() lets a stopping ingest finish its batches and delete its staging. */
const STOP_GRACE_MS = LOAD_STOP_WAIT_MS + 5_000;

/**
 * Starts full runs (ingest of the stored connections, then every analysis) under the
 * cluster-wide lock, each recorded as one `full` run and worked in a child process
 * (run_process.ts) by the same ingest and analyses functions as the CLI: the run's CPU work
 * would otherwise delay every answer of the admin API.
 */
export class RunCoordinator {
  private current: CurrentRun | null = null;
  readonly names: IndexNames;
  /** Changes whenever this process records a run or ends one (answers shared by it refresh). */
  generation = 0;

  constructor(
    private readonly deps: {
      client: Client;
      /** The cluster's URL, for the run's process (credentials from ES_URL's variables). */
      esUrl: string;
      prefix: string;
      store: ConfigStore;
      logger: Logger;
      lockTtlMs?: number;
    },
  ) {
    this.names = indexNames(deps.prefix);
  }

  /**
   * Starts a run and returns its id once its document is written (a service killed after the
   * 202 leaves a `running` run that the next start marks interrupted); throws RunBusyError,
   * after recording the trigger as `refused`, when another run holds the lock.
   */
  async trigger(
    trigger: string,
    options: { skipIngest?: boolean; force?: boolean } = {},
  ): Promise<string> {
    const { client, logger } = this.deps;
    // A run of this process that has just ended holds the lock until its release is acknowledged;
    // a trigger sent by someone who already saw it complete waits for that instead of a 409.
    const ending = this.current;
    if (ending && ending.recorder.document.status !== 'running') await ending.done;
    const runId = newRunId();
    const ttl = this.deps.lockTtlMs ?? LOCK_TTL_MS;
    const attempt = await acquireRunLock(client, this.names.config, runId, ttl);
    this.generation++;
    if (!attempt.acquired) {
      const holder = attempt.holder;
      await RunRecorder.refuse(client, this.names.runs, 'full', {
        runId,
        reason: `refused: run ${holder.run_id} was in progress (lock held by ${holder.owner})`,
        summary: { trigger, refused_because: holder.run_id, lock_owner: holder.owner },
      });
      logger.warn({ run_id: runId, running: holder.run_id, trigger }, 'run refused');
      throw new RunBusyError(holder.run_id, runId);
    }
    const recorder = await RunRecorder.start(client, this.names.runs, 'full', RUN_STAGES, {
      runId,
    }).catch(async (error: unknown) => {
      await attempt.lock.release().catch(() => undefined);
      throw error;
    });
    recorder.document.summary = { trigger };
    const log = logger.child({ run_id: runId });
    log.info({ trigger }, 'run started');
    const current: CurrentRun = {
      recorder,
      lock: attempt.lock,
      done: Promise.resolve(),
      process: null,
      stopReason: null,
    };
    const request = { skipIngest: options.skipIngest ?? false, force: options.force ?? false };
    current.done = this.work(current, log, request).finally(async () => {
      await attempt.lock.release().catch((error: unknown) => {
        log.warn({ error: (error as Error).message }, 'could not release the run lock');
      });
      this.current = null;
      this.generation++;
    });
    this.current = current;
    return runId;
  }

  get client(): Client {
    return this.deps.client;
  }

  get runningRunId(): string | null {
    return this.current?.recorder.runId ?? null;
  }

  /** Resolves when the current run (if any) has ended. */
  async idle(): Promise<void> {
    await this.current?.done;
  }

  get runningProcessId(): number | null {
    return this.current?.process?.pid ?? null;
  }

  /** The stored connections are read here (secrets opened), then the run's process does it all. */
  private async work(
    current: CurrentRun,
    log: Logger,
    { skipIngest, force }: { skipIngest: boolean; force: boolean },
  ): Promise<void> {
    const { recorder } = current;
    let connections: RunConnections | null = null;
    try {
      if (!skipIngest) connections = await this.connections();
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      log.error({ error: message }, 'run failed');
      await recorder.log('error', message).catch(() => undefined);
      await recorder.fail(error).catch(() => undefined);
      return;
    }
    if (current.stopReason !== null) return;
    current.process = startRunProcess(
      {
        document: structuredClone(recorder.document),
        esUrl: this.deps.esUrl,
        prefix: this.deps.prefix,
        skipIngest,
        force,
        connections,
      },
      recorder,
      log,
    );
    await current.process.done;
  }

  /** The stored connections, or null when sessions or customers is missing. */
  private async connections(): Promise<RunConnections | null> {
    const { store } = this.deps;
    const [sessions, customers, products] = await Promise.all([
      store.connectionForUse('sessions'),
      store.connectionForUse('customers'),
      store.connectionForUse('products'),
    ]);
    if (!sessions || !customers) return null;
    return { sessions, customers, ...(products ? { products } : {}) };
  }

  /**
   * SIGTERM: the run's process is told to stop; an ingest in progress stops reading, lets the
   * batches it sent come back, deletes its staging indices and records the run interrupted (what
   * users see never changed), within a grace; analyses have no batch to finish, so their run is
   * marked interrupted at once. Then the run's process is ended and the lock released.
   */
  async interrupt(reason: string): Promise<string | null> {
    const current = this.current;
    if (!current) return null;
    current.stopReason = reason;
    const worker = current.process;
    worker?.stop(reason);
    if (worker?.ingesting) {
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        current.done,
        new Promise((resolve) => (grace = setTimeout(resolve, STOP_GRACE_MS))),
      ]);
      clearTimeout(grace);
    }
    if (current.recorder.document.status === 'running') await current.recorder.interrupt(reason);
    worker?.kill();
    await current.lock.release().catch(() => undefined);
    return current.recorder.runId;
  }
}
