import type { Client } from '@elastic/elasticsearch';
import type { RunDocument, RunStage } from '../../../common/documents';
import { currentOwner } from './heartbeat';
import { newRunId } from './run_id';

const PROGRESS_WRITE_INTERVAL_MS = 2_000;
const MAX_STORED_LOG_LINES = 500;
/** How often a running run says it is alive (see abandoned_runs.ts). */
export const HEARTBEAT_INTERVAL_MS = 5_000;

export type RunKind = RunDocument['kind'];

/**
 * Where a run's snapshots go: the runs index, or (a run worked in a child process, see
 * service/run_process.ts) the parent, which writes them as the run's owner.
 */
export type RunWriter = (snapshot: RunDocument, refresh: boolean) => Promise<void>;

export function indexWriter(client: Client, runsIndex: string): RunWriter {
  return async (snapshot, refresh) => {
    await client.index({
      index: runsIndex,
      id: snapshot.run_id,
      document: snapshot,
      refresh: refresh ? 'wait_for' : false,
    });
  };
}

/**
 * The record of one run in the `runs` index: stages with progress, log lines, summary, outcome.
 * Progress is written at most every 2 s so a hot loop can report freely; stage changes, logs of
 * level warn/error and the outcome are written at once.
 */
export class RunRecorder {
  private lastWriteMs = 0;
  private pending: Promise<unknown> = Promise.resolve();
  private heartbeat: NodeJS.Timeout | null = null;

  private constructor(
    private readonly writer: RunWriter,
    readonly document: RunDocument,
  ) {}

  static async start(
    client: Client,
    runsIndex: string,
    kind: RunKind,
    stageNames: string[],
    options: { runId?: string; referenceTime?: string | null } = {},
  ): Promise<RunRecorder> {
    const document: RunDocument = {
      run_id: options.runId ?? newRunId(),
      kind,
      status: 'running',
      started_at: new Date().toISOString(),
      finished_at: null,
      owner: currentOwner(),
      reference_time: options.referenceTime ?? null,
      stages: stageNames.map((name) => ({ name, status: 'pending' })),
      logs: [],
    };
    const recorder = new RunRecorder(indexWriter(client, runsIndex), document);
    await recorder.flush();
    recorder.heartbeat = setInterval(
      () => recorder.flush().catch(() => undefined),
      HEARTBEAT_INTERVAL_MS,
    ).unref();
    return recorder;
  }

  /**
   * The recorder of a run whose document another process owns and keeps alive (heartbeat): each
   * snapshot goes to `writer`, here the IPC channel to the service that started the run.
   */
  static relay(document: RunDocument, writer: RunWriter): RunRecorder {
    return new RunRecorder(writer, structuredClone(document));
  }

  /**
   * A trigger refused because another run holds the cluster-wide lock: one document, `refused`,
   * saying which run (and process) held it. It never ran, so it has no stages.
   */
  static async refuse(
    client: Client,
    runsIndex: string,
    kind: RunKind,
    options: { runId: string; reason: string; summary: Record<string, unknown> },
  ): Promise<RunDocument> {
    const now = new Date().toISOString();
    const document: RunDocument = {
      run_id: options.runId,
      kind,
      status: 'refused',
      started_at: now,
      finished_at: now,
      owner: currentOwner(),
      reference_time: null,
      stages: [],
      summary: options.summary,
      error: options.reason,
      logs: [],
    };
    await indexWriter(client, runsIndex)(document, true);
    return document;
  }

  get runId(): string {
    return this.document.run_id;
  }

  private stage(name: string): RunStage {
    let stage = this.document.stages.find((s) => s.name === name);
    if (!stage) {
      stage = { name, status: 'pending' };
      this.document.stages.push(stage);
    }
    return stage;
  }

  async startStage(name: string, total: number | null = null): Promise<void> {
    Object.assign(this.stage(name), {
      status: 'running',
      started_at: new Date().toISOString(),
      done: 0,
      total,
    });
    await this.flush();
  }

  /** Cheap to call per row: persists at most every 2 s. */
  progress(name: string, done: number, total?: number | null): void {
    const stage = this.stage(name);
    stage.done = done;
    if (total !== undefined) stage.total = total;
    // Progress is best effort: a write lost while Elasticsearch is briefly away is superseded
    // by the next one, and must not surface as an unhandled rejection.
    if (Date.now() - this.lastWriteMs >= PROGRESS_WRITE_INTERVAL_MS) {
      this.flush().catch(() => undefined);
    }
  }

  async endStage(
    name: string,
    status: 'complete' | 'failed' | 'skipped',
    message?: string,
  ): Promise<void> {
    Object.assign(this.stage(name), {
      status,
      finished_at: new Date().toISOString(),
      ...(message ? { message } : {}),
    });
    await this.flush();
  }

  async log(level: 'info' | 'warn' | 'error', message: string): Promise<void> {
    this.document.logs.push({ time: new Date().toISOString(), level, message });
    if (this.document.logs.length > MAX_STORED_LOG_LINES) this.document.logs.shift();
    if (level !== 'info') await this.flush();
  }

  async complete(summary: Record<string, unknown> = {}): Promise<void> {
    this.stopHeartbeat();
    this.document.status = 'complete';
    this.document.finished_at = new Date().toISOString();
    this.document.summary = { ...this.document.summary, ...summary };
    await this.flush(true);
  }

  async fail(error: unknown, summary: Record<string, unknown> = {}): Promise<void> {
    await this.finish('failed', error, summary);
  }

  /** The process is stopping (SIGTERM) before the run could finish. */
  async interrupt(reason: string, summary: Record<string, unknown> = {}): Promise<void> {
    await this.finish('interrupted', reason, summary);
  }

  private async finish(
    status: 'failed' | 'interrupted',
    error: unknown,
    summary: Record<string, unknown>,
  ): Promise<void> {
    if (status === 'interrupted' && this.document.status !== 'running') return;
    this.stopHeartbeat();
    this.document.status = status;
    this.document.finished_at = new Date().toISOString();
    this.document.error = error instanceof Error ? error.message : String(error);
    this.document.summary = { ...this.document.summary, ...summary };
    for (const stage of this.document.stages) {
      if (stage.status === 'running') stage.status = 'failed';
    }
    await this.flush(true);
  }

  /**
   * A snapshot from the process working this run (run_process.ts), written as this run's: its
   * owner and heartbeat stay this process's. Ignored once the run ended here (interrupted, or its
   * process died), so a late snapshot cannot revive it.
   */
  async adopt(snapshot: RunDocument, refresh: boolean): Promise<void> {
    if (this.document.status !== 'running') return;
    const { owner: _owner, heartbeat_at: _heartbeat, ...work } = snapshot;
    Object.assign(this.document, work);
    if (this.document.status !== 'running') this.stopHeartbeat();
    await this.flush(refresh || this.document.status !== 'running');
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /** Writes are serialised so an older snapshot never overwrites a newer one. */
  private flush(refresh = false): Promise<void> {
    this.lastWriteMs = Date.now();
    if (this.document.status === 'running') this.document.heartbeat_at = new Date().toISOString();
    const snapshot = structuredClone(this.document);
    const write = this.pending.then(() => this.writer(snapshot, refresh));
    this.pending = write.catch(() => undefined);
    return write.then(() => undefined);
  }
}
