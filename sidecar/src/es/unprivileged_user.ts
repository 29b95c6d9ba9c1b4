import { spawnSync } from 'node:child_process';

/** Elasticsearch refuses to run as root; when we are root, it runs as this system user. */
export const ES_SYSTEM_USER = 'customer-analytics-es';

export interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

function idOf(flag: '-u' | '-g', user: string): number | null {
  const result = spawnSync('id', [flag, user], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : null;
}

/** null when not root (Elasticsearch runs as the current user); otherwise the user, created once. */
export function ensureUnprivilegedUser(): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  if (idOf('-u', ES_SYSTEM_USER) === null) {
    const created = spawnSync(
      'useradd',
      ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', ES_SYSTEM_USER],
      { encoding: 'utf8' },
    );
    if (created.status !== 0 && idOf('-u', ES_SYSTEM_USER) === null) {
      throw new Error(
        `running as root, and creating the unprivileged user '${ES_SYSTEM_USER}' for Elasticsearch failed: ${created.stderr.trim()}`,
      );
    }
  }
  const uid = idOf('-u', ES_SYSTEM_USER);
  const gid = idOf('-g', ES_SYSTEM_USER);
  if (uid === null || gid === null) throw new Error(`user '${ES_SYSTEM_USER}' has no uid/gid`);
  return { uid, gid, name: ES_SYSTEM_USER };
}

/** Gives `user` ownership of paths Elasticsearch writes to. */
export function chownRecursive(paths: string[], user: RunAs): void {
  const result = spawnSync('chown', ['-R', `${user.uid}:${user.gid}`, ...paths], {
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`chown for Elasticsearch failed: ${result.stderr.trim()}`);
}

/** True when `user` can read and traverse `path` (a project under /root would not be). */
export function canAccess(path: string, user: RunAs): boolean {
  const result = spawnSync('test', ['-r', path, '-a', '-x', path], {
    uid: user.uid,
    gid: user.gid,
  });
  return result.status === 0;
}
