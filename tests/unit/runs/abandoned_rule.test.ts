import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { RunOwner } from '../../../common/documents';
import { deadStagingReason } from '../../../sidecar/src/ingest/staging_cleanup';
import {
  abandonedReason,
  currentOwner,
  currentPlace,
  lookupProcess,
  ownerAlive,
  type ProcessLookup,
} from '../../../sidecar/src/runs/heartbeat';

const HERE = { hostname: 'box-a', pid_namespace: 'pid:[4026531836]' };
const OWNER: RunOwner = {
  pid: 4242,
  hostname: 'box-a',
  pid_namespace: HERE.pid_namespace,
  process_start: '9001',
};
const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const MINUTE = 60_000;

/** A process table with the given pids and their start times. */
function table(entries: Record<number, string | null>): ProcessLookup {
  return (pid) => (pid in entries ? { start: entries[pid]! } : null);
}

function running(heartbeatAt: string | null, owner: RunOwner | null = OWNER) {
  return {
    status: 'running' as const,
    started_at: '2025-06-01T11:00:00.000Z',
    heartbeat_at: heartbeatAt,
    owner,
  };
}

describe('whether a run owner is alive, seen from this machine', () => {
  it('is gone when its pid no longer exists here', () => {
    expect(ownerAlive(OWNER, HERE, table({}))).toBe(false);
  });
  it('is alive when the pid exists with the same start time', () => {
    expect(ownerAlive(OWNER, HERE, table({ 4242: '9001' }))).toBe(true);
  });
  it('is gone when the pid was reused by a process that started at another time', () => {
    expect(ownerAlive(OWNER, HERE, table({ 4242: '12345' }))).toBe(false);
  });
  it('cannot tell without start times (the pid might be reused)', () => {
    expect(ownerAlive({ ...OWNER, process_start: null }, HERE, table({ 4242: null }))).toBeNull();
  });
  it('cannot tell for another host or another pid namespace, nor without an owner', () => {
    const everyone = table({ 4242: '9001' });
    expect(ownerAlive({ ...OWNER, hostname: 'box-b' }, HERE, everyone)).toBeNull();
    expect(ownerAlive({ ...OWNER, pid_namespace: 'pid:[4026532000]' }, HERE, everyone)).toBeNull();
    expect(ownerAlive(null, HERE, everyone)).toBeNull();
  });
});

describe('the real process table (Linux /proc)', () => {
  it('finds this process alive and a process that has exited gone', () => {
    expect(ownerAlive(currentOwner(), currentPlace(), lookupProcess)).toBe(true);
    const exited = spawnSync('true').pid!;
    expect(ownerAlive({ ...currentOwner(), pid: exited }, currentPlace(), lookupProcess)).toBe(
      false,
    );
  });
});

describe('when a running run is abandoned (limit 60 s)', () => {
  const LIMIT = MINUTE;

  it('at once when its owner is known to be gone, even with a fresh heartbeat', () => {
    const reason = abandonedReason(running('2025-06-01T11:59:59.000Z'), false, NOW, LIMIT);
    expect(reason).toBe('process 4242 on box-a is gone (last heartbeat 2025-06-01T11:59:59.000Z)');
  });
  it('never while its owner is known to be alive, even with a heartbeat an hour old', () => {
    expect(abandonedReason(running('2025-06-01T11:00:00.000Z'), true, NOW, LIMIT)).toBeNull();
  });
  it('when the owner cannot be checked: only once the heartbeat is older than the limit', () => {
    expect(abandonedReason(running('2025-06-01T11:59:00.000Z'), null, NOW, LIMIT)).toBeNull();
    expect(abandonedReason(running('2025-06-01T11:58:59.000Z'), null, NOW, LIMIT)).toBe(
      'no heartbeat from process 4242 on box-a for 61 s (last 2025-06-01T11:58:59.000Z; the limit is 60 s)',
    );
  });
  it('a run recorded before heartbeats is judged by its start', () => {
    const legacy = running(null, null);
    expect(abandonedReason(legacy, null, NOW, LIMIT)).toBe(
      'no heartbeat from its process for 3600 s (last 2025-06-01T11:00:00.000Z; the limit is 60 s)',
    );
    expect(abandonedReason(legacy, null, Date.parse('2025-06-01T11:00:30.000Z'), LIMIT)).toBeNull();
  });
  it('a run that is not running is never abandoned', () => {
    for (const status of ['complete', 'failed', 'interrupted'] as const) {
      expect(abandonedReason({ ...running(null), status }, false, NOW, LIMIT)).toBeNull();
    }
  });
});

describe('which unpublished staging index may be deleted', () => {
  const alive = () => null;
  const gone = () => 'process 4242 on box-a is gone';
  const created = NOW - MINUTE;

  it('one whose run is over: complete, failed or interrupted', () => {
    for (const status of ['complete', 'failed', 'interrupted'] as const) {
      const candidate = {
        runKey: '20250601t115900z-abcdef',
        run: { ...running(null), status },
        createdMs: created,
      };
      expect(deadStagingReason(candidate, NOW, alive)).toBe(`its run is ${status}`);
    }
  });
  it('one whose run is still running only when that run is abandoned', () => {
    const candidate = {
      runKey: '20250601t115900z-abcdef',
      run: running('2025-06-01T11:59:58.000Z'),
      createdMs: created,
    };
    expect(deadStagingReason(candidate, NOW, alive)).toBeNull();
    expect(deadStagingReason(candidate, NOW, gone)).toBe(
      'its run is abandoned: process 4242 on box-a is gone',
    );
  });
  it('one no run names: only with the shape of our run ids and over a day old', () => {
    const day = 24 * 60 * MINUTE;
    const unrecorded = {
      runKey: '20200101t000000z-dead00',
      run: null,
      createdMs: NOW - day - MINUTE,
    };
    expect(deadStagingReason(unrecorded, NOW, gone)).toBe('no run recorded, created 24 h ago');
    expect(
      deadStagingReason({ ...unrecorded, createdMs: NOW - day + MINUTE }, NOW, gone),
    ).toBeNull();
    // `<prefix>orders-b-orders-<run>` is another prefix's index (prefix `<prefix>orders-b-`).
    const foreign = { ...unrecorded, runKey: 'b-orders-20200101t000000z-dead00' };
    expect(deadStagingReason(foreign, NOW, gone)).toBeNull();
  });
});
