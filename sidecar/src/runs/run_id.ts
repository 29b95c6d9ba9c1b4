import { randomBytes } from 'node:crypto';

/** Run ids sort by start time as strings: `20251103T101502Z-3fa9c1`. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
