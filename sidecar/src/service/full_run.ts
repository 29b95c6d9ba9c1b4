import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../../common/indices';
import { ensureIndices } from '../es/templates';
import { validateConfig } from '../ingest/config';
import { ingest } from '../ingest/ingest';
import { IngestInterrupted } from '../ingest/interruption';
import { formatSummary } from '../ingest/summary';
import { ANALYSIS_STAGES, runAnalyses } from '../pipeline/run_analyses';
import type { RunRecorder } from '../runs/run_recorder';
import type { LogLevel, RunConnections } from './run_messages';

const INGEST_STAGES = ['ingest:check', 'ingest:load', 'ingest:publish'];
/** A full run of every report: carry_forward only runs for a partial (`--only`) run. */
export const RUN_STAGES = [
  ...INGEST_STAGES,
  ...ANALYSIS_STAGES.filter((s) => s !== 'carry_forward'),
];

/** What a run tells the service while it works (run_child.ts sends these as messages). */
export interface RunEvents {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  ingesting(on: boolean): void;
}

/**
 * One full run, as the CLI's jobs do it: the stored connections ingested (unless skipped or
 * missing), then every analysis, each step on `recorder`. Never throws: a failure is recorded
 * `failed` (the previous complete reports stay the ones users see), a stop during the ingest
 * `interrupted` once its batches landed and its staging indices are gone.
 */
export async function workFullRun(
  client: Client,
  request: {
    prefix: string;
    skipIngest: boolean;
    force?: boolean;
    connections: RunConnections | null;
  },
  recorder: RunRecorder,
  signal: AbortSignal,
  events: RunEvents,
): Promise<void> {
  const names = indexNames(request.prefix);
  try {
    await ensureIndices(client, { prefix: request.prefix });
    const config = request.skipIngest ? null : ingestConfig(request.connections);
    if (config) {
      events.ingesting(true);
      const summary = await ingest(client, names, config, { recorder, signal }).finally(() =>
        events.ingesting(false),
      );
      events.log('info', 'ingested', { summary: formatSummary(summary) });
    } else {
      const why = request.skipIngest
        ? 'skipped on request'
        : 'no sessions and customers connections';
      for (const stage of INGEST_STAGES) await recorder.endStage(stage, 'skipped', why);
    }
    // A stop that came as the ingest ended: the analyses would not be waited for.
    if (signal.aborted) throw new IngestInterrupted(String(signal.reason), recorder.runId);
    const result = await runAnalyses(client, names, {
      recorder,
      force: request.force === true,
      onProgress: (event) => {
        if (event.kind === 'stage')
          events.log('info', 'stage', { stage: event.stage, status: event.status });
      },
    });
    events.log('info', 'run complete', {
      reports: result.reports,
      dimensions: result.dimensions,
    });
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (error instanceof IngestInterrupted && recorder.document.status === 'running') {
      events.log('warn', 'run interrupted', { error: message });
      await recorder.log('warn', message).catch(() => undefined);
      await recorder.interrupt(String(signal.reason)).catch(() => undefined);
      return;
    }
    events.log('error', 'run failed', { error: message });
    if (recorder.document.status === 'running') {
      await recorder.log('error', message).catch(() => undefined);
      await recorder.fail(error).catch(() => undefined);
    }
  }
}

function ingestConfig(connections: RunConnections | null) {
  if (!connections) return null;
  return validateConfig(
    connections as unknown as Parameters<typeof validateConfig>[0],
    'the stored connections',
  );
}
