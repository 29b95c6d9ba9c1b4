import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) of the files under `paths` (directories are walked). */
export function newestMtimeMs(paths: string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    let info;
    try {
      info = statSync(path);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  for (const path of paths) visit(path);
  return newest;
}

/** True when `output` is missing or older than any of `inputs`. */
export function isStale(output: string, inputs: string[]): boolean {
  let outputMtimeMs: number;
  try {
    outputMtimeMs = statSync(output).mtimeMs;
  } catch {
    return true;
  }
  return newestMtimeMs(inputs) > outputMtimeMs;
}
