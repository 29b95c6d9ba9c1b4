import cliProgress from 'cli-progress';

/** One progress tick of an ingest: which pass, which source, rows so far, share done if known. */
export interface IngestProgressEvent {
  stage: 'read' | 'write';
  label: string;
  rows: number;
  /** 0–1 when the total is known (file bytes while reading, documents while writing). */
  fraction: number | null;
}

export type ProgressListener = (event: IngestProgressEvent) => void;

/**
 * A terminal progress bar: rows/s always, ETA when the share done is known. Returns a no-op
 * listener when stderr is not a TTY (CI logs stay clean).
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): {
  listener: ProgressListener;
  stop(): void;
} {
  if (!stream.isTTY) return { listener: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        '{stage} {label} |{bar}| {percentage}% {rows} rows, {rate} rows/s, ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let current = '';
  let started = Date.now();
  const listener: ProgressListener = (event) => {
    const key = `${event.stage}:${event.label}`;
    if (key !== current) {
      if (current) bar.stop();
      current = key;
      started = Date.now();
      bar.start(1000, 0, { stage: event.stage, label: event.label, rows: 0, rate: 0 });
    }
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    bar.update(event.fraction === null ? 0 : Math.round(event.fraction * 1000), {
      rows: event.rows,
      rate: Math.round(event.rows / seconds),
    });
  };
  return { listener, stop: () => current && bar.stop() };
}
