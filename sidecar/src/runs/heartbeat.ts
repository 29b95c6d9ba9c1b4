/**
 * Whether the process that started a run is still there. A run document carries its owner (pid,
 * host, and on Linux the pid namespace and the process's start time) and a heartbeat. On the
 * owner's own machine the answer is exact: the pid is gone, or it now belongs to a process that
 * started at another time (a reused pid). Elsewhere only the heartbeat can tell, and it needs a
 * margin: a live process whose cluster was away for a while could not write its heartbeat either.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { RunDocument, RunOwner } from '../../../common/documents';

/** The machine and pid namespace a process lives in: pids compare only within one. */
export interface ProcessPlace {
  hostname: string;
  pid_namespace: string | null;
}

/** What /proc says of a pid: null when no such process exists. */
export type ProcessLookup = (pid: number) => { start: string | null } | null;

function linuxPidNamespace(): string | null {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); null off Linux. */
function processStart(pid: number | 'self'): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command (which may hold spaces): state is field 3.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** This process as a run's owner. */
export function currentOwner(): RunOwner {
  return {
    pid: process.pid,
    hostname: hostname(),
    pid_namespace: linuxPidNamespace(),
    process_start: processStart('self'),
  };
}

export function currentPlace(): ProcessPlace {
  return { hostname: hostname(), pid_namespace: linuxPidNamespace() };
}

/** The real lookup: /proc where there is one, else a signal-0 probe (no start time). */
export const lookupProcess: ProcessLookup = (pid) => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return { start: processStart(pid) };
};

/**
 * true: the owner is running (same machine, same pid with the same start time); false: it is
 * gone; null: this machine cannot tell (another host or pid namespace, or no start time to rule
 * out a reused pid).
 */
export function ownerAlive(
  owner: RunOwner | null | undefined,
  here: ProcessPlace,
  lookup: ProcessLookup,
): boolean | null {
  if (!owner || owner.hostname !== here.hostname) return null;
  if (owner.pid_namespace !== here.pid_namespace) return null;
  const found = lookup(owner.pid);
  if (found === null) return false;
  if (owner.process_start === null || found.start === null) return null;
  return found.start === owner.process_start;
}

/**
 * Why a `running` run is abandoned, or null while it may still be in progress: its owner is gone
 * (known on the owner's machine), or — when the owner cannot be checked from here — its
 * heartbeat (its start, for runs recorded before heartbeats) is older than `staleAfterMs`.
 */
export function abandonedReason(
  run: Pick<RunDocument, 'status' | 'started_at' | 'heartbeat_at' | 'owner'>,
  alive: boolean | null,
  nowMs: number,
  staleAfterMs: number,
): string | null {
  if (run.status !== 'running') return null;
  const since = run.heartbeat_at ?? run.started_at;
  const owner = run.owner ? `process ${run.owner.pid} on ${run.owner.hostname}` : 'its process';
  if (alive === false) return `${owner} is gone (last heartbeat ${since})`;
  if (alive === true) return null;
  const silentMs = nowMs - Date.parse(since);
  if (!(silentMs > staleAfterMs)) return null;
  const seconds = Math.round(silentMs / 1000);
  return `no heartbeat from ${owner} for ${seconds} s (last ${since}; the limit is ${staleAfterMs / 1000} s)`;
}

/** abandonedReason for a run read now, its owner checked on this machine when it ran here. */
export function abandonedNow(
  run: Pick<RunDocument, 'status' | 'started_at' | 'heartbeat_at' | 'owner'>,
  staleAfterMs: number,
  now: Date = new Date(),
): string | null {
  if (run.status !== 'running') return null;
  const alive = ownerAlive(run.owner, currentPlace(), lookupProcess);
  return abandonedReason(run, alive, now.getTime(), staleAfterMs);
}
