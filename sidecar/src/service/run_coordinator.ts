import type { Client } from '@elastic/elasticsearch';
import type { Logger } from 'pino';
import { indexNames, type IndexNames } from '../../../common/indices';
import { ensureIndices } from '../es/templates';
import { validateConfig } from '../ingest/config';
import { ingest } from '../ingest/ingest';
import { IngestInterrupted, LOAD_STOP_WAIT_MS } from '../ingest/interruption';
import { formatSummary } from '../ingest/summary';
import { ANALYSIS_STAGES, runAnalyses } from '../pipeline/run_analyses';
import { newRunId } from '../runs/run_id';
import { RunRecorder } from '../runs/run_recorder';
import type { ConfigStore } from './config_store';
import { acquireRunLock, LOCK_TTL_MS, type HeldLock } from './run_lock';

const INGEST_STAGES = ['ingest:check', 'ingest:load', 'ingest:publish'];
/** A full run of every report: carry_forward only runs for a partial (`--only`) run. */
const RUN_STAGES = [...INGEST_STAGES, ...ANALYSIS_STAGES.filter((s) => s !== 'carry_forward')];

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
  /** Asks the run's ingest to stop (interrupt()). */
  stop: AbortController;
  /** Whether its ingest is under way: only then has interrupt() batches to wait for. */
  phase: { ingesting: boolean };
}

/** How long interrupt() lets a stopping ingest finish its batches and delete its staging. */
const STOP_GRACE_MS = LOAD_STOP_WAIT_MS + 5_000;

/**
 * Starts full runs (ingest of the stored connections, then every analysis) under the
 * cluster-wide lock, in the background, each recorded as one `full` run. The same ingest and
 * analyses functions as the CLI do the work.
 */
export class RunCoordinator {
  private current: CurrentRun | null = null;
  readonly names: IndexNames;
  /** Changes whenever this process records a run or ends one (answers shared by it refresh). */
  generation = 0;

  constructor(
    private readonly deps: {
      client: Client;
      prefix: string;
      store: ConfigStore;
      logger: Logger;
      lockTtlMs?: number;
    },
  ) {
    this.names = indexNames(deps.prefix);
  }

  /** Starts a run and returns its id at once; throws RunBusyError when one is on. */
  async trigger(trigger: string, options: { skipIngest?: boolean } = {}): Promise<string> {
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
      const refused = await RunRecorder.start(client, this.names.runs, 'full', [], { runId });
      refused.document.summary = { trigger, refused_because: attempt.holder.run_id };
      await refused.fail(new Error(`refused: run ${attempt.holder.run_id} was in progress`));
      logger.warn({ run_id: runId, running: attempt.holder.run_id, trigger }, 'run refused');
      throw new RunBusyError(attempt.holder.run_id, runId);
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
    const stop = new AbortController();
    const skipIngest = options.skipIngest ?? false;
    const phase = { ingesting: false };
    const done = this.execute(recorder, log, skipIngest, stop.signal, phase).finally(async () => {
      await attempt.lock.release().catch((error: unknown) => {
        log.warn({ error: (error as Error).message }, 'could not release the run lock');
      });
      this.current = null;
      this.generation++;
    });
    this.current = { recorder, lock: attempt.lock, done, stop, phase };
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

  private async execute(
    recorder: RunRecorder,
    log: Logger,
    skipIngest: boolean,
    signal: AbortSignal,
    phase: { ingesting: boolean },
  ): Promise<void> {
    const { client, prefix } = this.deps;
    try {
      await ensureIndices(client, { prefix });
      const config = skipIngest ? null : await this.ingestConfig();
      if (config) {
        phase.ingesting = true;
        const summary = await ingest(client, this.names, config, { recorder, signal }).finally(
          () => (phase.ingesting = false),
        );
        log.info({ summary: formatSummary(summary) }, 'ingested');
      } else {
        const why = skipIngest ? 'skipped on request' : 'no sessions and customers connections';
        for (const stage of INGEST_STAGES) await recorder.endStage(stage, 'skipped', why);
      }
      const result = await runAnalyses(client, this.names, {
        recorder,
        onProgress: (event) => {
          if (event.kind === 'stage')
            log.info({ stage: event.stage, status: event.status }, 'stage');
        },
      });
      log.info({ reports: result.reports, dimensions: result.dimensions }, 'run complete');
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      if (error instanceof IngestInterrupted && recorder.document.status === 'running') {
        log.warn({ error: message }, 'run interrupted');
        await recorder.log('warn', message).catch(() => undefined);
        await recorder.interrupt(String(signal.reason)).catch(() => undefined);
        return;
      }
      log.error({ error: message }, 'run failed');
      if (recorder.document.status === 'running') {
        await recorder.log('error', message).catch(() => undefined);
        await recorder.fail(error).catch(() => undefined);
      }
    }
  }

  /** The stored connections as an ingest config, or null when sessions or customers is missing. */
  private async ingestConfig() {
    const { store } = this.deps;
    const [sessions, customers, products] = await Promise.all([
      store.connectionForUse('sessions'),
      store.connectionForUse('customers'),
      store.connectionForUse('products'),
    ]);
    if (!sessions || !customers) return null;
    return validateConfig(
      { sessions, customers, ...(products ? { products } : {}) } as Parameters<
        typeof validateConfig
      >[0],
      'the stored connections',
    );
  }

  /**
   * SIGTERM: an ingest in progress stops reading, lets the batches it sent come back, deletes its
   * staging indices and records the run interrupted (what users see never changed), within a
   * grace; analyses have no batch to finish, so their run is marked interrupted at once. Then the
   * lock is released.
   */
  async interrupt(reason: string): Promise<string | null> {
    const current = this.current;
    if (!current) return null;
    current.stop.abort(reason);
    if (current.phase.ingesting) {
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        current.done,
        new Promise((resolve) => (grace = setTimeout(resolve, STOP_GRACE_MS))),
      ]);
      clearTimeout(grace);
    }
    if (current.recorder.document.status === 'running') await current.recorder.interrupt(reason);
    await current.lock.release().catch(() => undefined);
    return current.recorder.runId;
  }
}
