import type { ProgressEvent } from '../pipeline/run_analyses';

/** Prints one line per stage and a progress line at most every second. */
export function analysisProgressPrinter(): (event: ProgressEvent) => void {
  let lastPrintMs = 0;
  return (event) => {
    if (event.kind === 'stage') {
      if (event.status === 'start') console.log(`▶ ${event.stage}`);
      else
        console.log(
          `  ${event.status === 'complete' ? '✔' : '–'} ${event.stage}${event.message ? `: ${event.message}` : ''}`,
        );
      return;
    }
    const nowMs = Date.now();
    if (nowMs - lastPrintMs < 1000 && event.done < event.total) return;
    lastPrintMs = nowMs;
    const pct = event.total > 0 ? Math.round((event.done / event.total) * 100) : 100;
    const what = event.step ? `${event.stage} (${event.step})` : event.stage;
    console.log(`  … ${what} ${event.done}/${event.total} (${pct}%)`);
  };
}
