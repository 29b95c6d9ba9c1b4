/**
 * For a command that must clean up before it stops (an ingest deletes its staging indices): the
 * first SIGINT/SIGTERM aborts the returned signal, with the signal's name as the reason, instead
 * of killing the process at once; later ones only say the cleanup is under way (an impatient
 * second Ctrl-C must not leave the leftovers behind). `release` restores the default handling.
 */
export function abortOnSignals(what: string): {
  signal: AbortSignal;
  exitCode: () => number | null;
  release: () => void;
} {
  const controller = new AbortController();
  let received: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) {
      console.error(`${signal}: still stopping ${what} (after ${received}), please wait…`);
      return;
    }
    received = signal;
    console.error(`\n${signal}: stopping ${what}…`);
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    // The shell's convention: 128 + the signal number.
    exitCode: () => (received === null ? null : received === 'SIGINT' ? 130 : 143),
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
