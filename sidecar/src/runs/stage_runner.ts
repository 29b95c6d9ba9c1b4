import type { RunRecorder } from './run_recorder';

export type StageEvent<Stage extends string> =
  | { kind: 'stage'; stage: Stage; status: 'start' | 'complete' | 'skipped'; message?: string }
  | { kind: 'progress'; stage: Stage; done: number; total: number; step?: string };

/**
 * A run's stages as the runs index and a listener see them: each start, end and progress goes to
 * both, and the seconds each stage took are kept for the run's summary.
 */
export class StageRunner<Stage extends string> {
  readonly seconds: Partial<Record<Stage, number>> = {};
  private startedMs = 0;

  constructor(
    readonly recorder: RunRecorder,
    private readonly options: {
      onProgress?: (event: StageEvent<Stage>) => void;
      beforeStage?: (stage: Stage) => void | Promise<void>;
    },
  ) {}

  async begin(stage: Stage, total: number | null = null): Promise<void> {
    await this.options.beforeStage?.(stage);
    await this.recorder.startStage(stage, total);
    this.startedMs = performance.now();
    this.options.onProgress?.({ kind: 'stage', stage, status: 'start' });
  }

  async end(
    stage: Stage,
    message?: string,
    status: 'complete' | 'skipped' = 'complete',
  ): Promise<void> {
    this.seconds[stage] = (performance.now() - this.startedMs) / 1000;
    await this.recorder.endStage(stage, status, message);
    this.options.onProgress?.({ kind: 'stage', stage, status, message });
  }

  /** `step` names a part of the stage with its own count (e.g. a model fit inside `reports`). */
  progress(stage: Stage, done: number, total: number, step?: string): void {
    if (step === undefined) this.recorder.progress(stage, done, total);
    this.options.onProgress?.({ kind: 'progress', stage, done, total, ...(step ? { step } : {}) });
  }
}
