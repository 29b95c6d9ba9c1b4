import type { RunStage } from '../../../common/documents';

/** A stored ISO time in the browser's locale, or a dash. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** Seconds between two ISO times (to now while unfinished), as "1 min 5 s". */
export function formatDuration(
  startIso: string,
  endIso: string | null | undefined,
  nowMs: number,
): string {
  const seconds = Math.max(
    0,
    Math.round(((endIso ? Date.parse(endIso) : nowMs) - Date.parse(startIso)) / 1000),
  );
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** How far a run is: finished stages (complete or skipped) of all its stages. */
export function stageProgress(stages: RunStage[]): {
  finished: number;
  total: number;
  current: string | null;
} {
  const finished = stages.filter((s) => s.status === 'complete' || s.status === 'skipped').length;
  const current = stages.find((s) => s.status === 'running')?.name ?? null;
  return { finished, total: stages.length, current };
}

/** How often a running run's list, stages and log are read again. */
export const RUN_POLL_MS = 2_000;

/** EuiHealth colours of run and stage statuses. */
export const STATUS_COLORS: Record<string, string> = {
  running: 'primary',
  complete: 'success',
  failed: 'danger',
  interrupted: 'warning',
  // A trigger answered 409: it never ran (its error names the run that held the lock).
  refused: 'accent',
  pending: 'subdued',
  skipped: 'subdued',
};
