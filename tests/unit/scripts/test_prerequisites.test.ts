import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  missingPrerequisites,
  planPrerequisites,
  type Machine,
} from '../../../scripts/test_prerequisites';

const roots: string[] = [];

/** A fake machine: an empty root folder with the given executables (absolute paths) in it. */
function machineWith(executables: string[], path = '/usr/local/bin:/usr/bin'): Machine {
  const root = mkdtempSync(join(tmpdir(), 'ca-prereq-'));
  roots.push(root);
  for (const file of executables) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '#!/bin/sh\n');
    chmodSync(join(root, file), 0o755);
  }
  return { path, root };
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const EVERYTHING = [
  '/usr/bin/chromium',
  '/usr/lib/postgresql/17/bin/initdb',
  '/usr/lib/postgresql/17/bin/postgres',
  '/usr/bin/mvn',
  '/usr/bin/unzip',
];

describe('which test prerequisites are missing', () => {
  it('a fresh machine lacks all four, in a fixed order', () => {
    expect(missingPrerequisites(machineWith([]))).toEqual([
      'chromium',
      'postgresql',
      'maven',
      'unzip',
    ]);
  });

  it('a machine with everything lacks nothing', () => {
    expect(missingPrerequisites(machineWith(EVERYTHING))).toEqual([]);
  });

  it('mvn and unzip count wherever they are on the PATH, and only there', () => {
    const onPath = machineWith(
      [...EVERYTHING.slice(0, 3), '/opt/maven/bin/mvn', '/usr/bin/unzip'],
      '/opt/maven/bin:/usr/bin',
    );
    expect(missingPrerequisites(onPath)).toEqual([]);
    const offPath = machineWith(
      [...EVERYTHING.slice(0, 3), '/opt/maven/bin/mvn', '/usr/bin/unzip'],
      '/usr/bin',
    );
    expect(missingPrerequisites(offPath)).toEqual(['maven']);
  });

  it('chromium must be /usr/bin/chromium itself (playwright-core launches that path)', () => {
    const elsewhere = machineWith(['/usr/local/bin/chromium', ...EVERYTHING.slice(1)]);
    expect(missingPrerequisites(elsewhere)).toEqual(['chromium']);
  });

  it('PostgreSQL needs the server binaries, not only the client or an empty version folder', () => {
    const clientOnly = machineWith([
      '/usr/bin/chromium',
      '/usr/lib/postgresql/17/bin/psql',
      '/usr/bin/mvn',
      '/usr/bin/unzip',
    ]);
    expect(missingPrerequisites(clientOnly)).toEqual(['postgresql']);
  });

  it('a file that is not executable does not count', () => {
    const machine = machineWith(EVERYTHING);
    chmodSync(join(machine.root, '/usr/bin/unzip'), 0o644);
    expect(missingPrerequisites(machine)).toEqual(['unzip']);
  });
});

describe('what pretest does about them', () => {
  const root = { isRoot: true, passwordlessSudo: false, aptGetAvailable: true };
  const sudoer = { isRoot: false, passwordlessSudo: true, aptGetAvailable: true };
  const user = { isRoot: false, passwordlessSudo: false, aptGetAvailable: true };

  it('nothing missing: nothing to do, whoever runs it', () => {
    expect(planPrerequisites([], user)).toEqual({ action: 'none' });
  });

  it('as root: apt-get update, then a non-interactive install of exactly the missing ones', () => {
    expect(planPrerequisites(['chromium', 'unzip'], root)).toEqual({
      action: 'install',
      packages: ['chromium', 'unzip'],
      commands: [
        ['apt-get', 'update', '-qq'],
        [
          'env',
          'DEBIAN_FRONTEND=noninteractive',
          'apt-get',
          'install',
          '-y',
          '-qq',
          'chromium',
          'unzip',
        ],
      ],
    });
  });

  it('with passwordless sudo: the same commands through sudo -n (never a password prompt)', () => {
    expect(planPrerequisites(['maven'], sudoer)).toEqual({
      action: 'install',
      packages: ['maven'],
      commands: [
        ['sudo', '-n', 'apt-get', 'update', '-qq'],
        [
          'sudo',
          '-n',
          'env',
          'DEBIAN_FRONTEND=noninteractive',
          'apt-get',
          'install',
          '-y',
          '-qq',
          'maven',
        ],
      ],
    });
  });

  it('otherwise it stops with one line naming the command to run', () => {
    const plan = planPrerequisites(['chromium', 'postgresql'], user);
    expect(plan).toEqual({
      action: 'stop',
      packages: ['chromium', 'postgresql'],
      message:
        'npm test needs chromium, postgresql, which this machine lacks: run `sudo apt-get update && sudo apt-get install -y chromium postgresql`, then npm test again.',
    });
    expect(plan.action === 'stop' && plan.message.includes('\n')).toBe(false);
  });

  it('root without apt-get (not Debian) cannot install either: it stops', () => {
    expect(planPrerequisites(['unzip'], { ...root, aptGetAvailable: false }).action).toBe('stop');
  });
});
