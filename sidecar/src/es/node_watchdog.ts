import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { Socket } from 'node:net';

/**
 * A shell that leads the embedded node's process group: it starts Elasticsearch in the
 * background and watches a pipe whose write end only this Node process holds. The kernel closes
 * that pipe when Node exits for any reason (Ctrl-C, an uncaught error, SIGKILL), and then the
 * watcher stops the whole group: SIGTERM, and SIGKILL if Elasticsearch is still alive 30 s later.
 * So the node never outlives the command that started it, whatever kills that command.
 *
 * - Elasticsearch gets /dev/null as stdin so that it does not hold the pipe; the watcher reads it
 *   through fd 3 because a non-interactive shell gives background jobs /dev/null as stdin, and
 *   with the `read` builtin so that no child of the watcher is left behind.
 * - The watcher ignores SIGTERM so that a group-wide SIGTERM cannot take it down before its
 *   SIGKILL fallback ran; the leading shell catches it (after Elasticsearch was started, which
 *   therefore keeps default handlers) so that it stays to reap Elasticsearch and report its code.
 * - The script is inline, not a file, so the unprivileged Elasticsearch user needs no access to
 *   the project folder to run it.
 */
export const WATCHDOG_SCRIPT = `
exec 3<&0
"$@" </dev/null 3<&- &
es=$!
(
  trap '' TERM INT HUP
  while read -r _ <&3; do :; done
  kill -TERM 0 2>/dev/null
  i=0
  while kill -0 "$es" 2>/dev/null && [ "$i" -lt 60 ]; do sleep 0.5; i=$((i + 1)); done
  kill -KILL 0
) &
watcher=$!
exec 3<&-
signalled=0
trap 'signalled=1' TERM INT HUP
while :; do
  signalled=0
  wait "$es"
  code=$?
  [ "$signalled" = 1 ] && kill -0 "$es" 2>/dev/null || break
done
kill -KILL "$watcher" 2>/dev/null
exit "$code"
`;

export interface WatchedProcess {
  child: ChildProcess;
  /** Group id of the node: the watchdog shell leads it. */
  groupId: number;
  /** Closes the pipe: the watchdog then stops the group as if this process had died. */
  release(): void;
}

/**
 * Spawns `command` in a new process group under the watchdog. Neither the child nor its pipe keep
 * this process's event loop alive.
 */
export function spawnWatched(
  command: string,
  args: string[],
  options: Omit<SpawnOptions, 'detached' | 'stdio'> & { outputFd: number },
): WatchedProcess {
  const { outputFd, ...spawnOptions } = options;
  const child = spawn(
    '/bin/sh',
    ['-c', WATCHDOG_SCRIPT, 'customer-analytics-es', command, ...args],
    {
      ...spawnOptions,
      detached: true,
      stdio: ['pipe', outputFd, outputFd],
    },
  );
  const groupId = child.pid;
  if (groupId === undefined) throw new Error(`could not spawn ${command}`);
  const pipe = child.stdin as Socket | null;
  // An EPIPE once the group is gone is expected, never fatal.
  pipe?.on('error', () => undefined);
  pipe?.unref();
  return {
    child,
    groupId,
    release: () => {
      pipe?.destroy();
    },
  };
}
