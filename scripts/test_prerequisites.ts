import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A Debian package `npm test` needs, and how to tell it is installed. */
export interface Prerequisite {
  /** The apt package that provides it. */
  aptPackage: string;
  /** What the tests use it for, for the message. */
  usedFor: string;
  isInstalled(machine: Machine): boolean;
}

/** What the checks may look at: injected so that tests can describe a fresh machine. */
export interface Machine {
  /** The PATH to search for commands (process.env.PATH). */
  path: string;
  /** Prefix for absolute paths ('' on the real machine, a temp folder in tests). */
  root: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function commandOnPath(command: string, machine: Machine): boolean {
  return machine.path
    .split(delimiter)
    .filter((folder) => folder !== '')
    .some((folder) => isExecutable(join(machine.root, folder, command)));
}

/** Debian installs each PostgreSQL major under /usr/lib/postgresql/<major>/bin, off the PATH. */
function postgresServerInstalled(machine: Machine): boolean {
  const root = join(machine.root, '/usr/lib/postgresql');
  if (!existsSync(root)) return false;
  return readdirSync(root).some(
    (major) =>
      isExecutable(join(root, major, 'bin', 'initdb')) &&
      isExecutable(join(root, major, 'bin', 'postgres')),
  );
}

export const TEST_PREREQUISITES: readonly Prerequisite[] = [
  {
    aptPackage: 'chromium',
    usedFor: 'the e2e tests (/usr/bin/chromium)',
    isInstalled: (machine) => isExecutable(join(machine.root, '/usr/bin/chromium')),
  },
  {
    aptPackage: 'postgresql',
    usedFor: 'the PostgreSQL source tests (/usr/lib/postgresql/*/bin)',
    isInstalled: postgresServerInstalled,
  },
  {
    aptPackage: 'maven',
    usedFor: 'downloading Elasticsearch (mvn)',
    isInstalled: (machine) => commandOnPath('mvn', machine),
  },
  {
    aptPackage: 'unzip',
    usedFor: 'unpacking Elasticsearch (unzip)',
    isInstalled: (machine) => commandOnPath('unzip', machine),
  },
];

/** How this process may install packages. */
export interface Privileges {
  isRoot: boolean;
  passwordlessSudo: boolean;
  aptGetAvailable: boolean;
}

export type Plan =
  | { action: 'none' }
  | { action: 'install'; packages: string[]; commands: string[][] }
  | { action: 'stop'; packages: string[]; message: string };

/** The one command a user can paste to install `packages`. */
export function aptCommandLine(packages: string[]): string {
  return `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
}

/**
 * What to do about the missing packages: nothing, install them with apt (as root, or through
 * sudo when it needs no password: a prompt in the middle of `npm test` would hang CI), or stop
 * with one line naming the command to run.
 */
export function planPrerequisites(missing: string[], privileges: Privileges): Plan {
  if (missing.length === 0) return { action: 'none' };
  const canInstall =
    privileges.aptGetAvailable && (privileges.isRoot || privileges.passwordlessSudo);
  if (!canInstall) {
    return {
      action: 'stop',
      packages: missing,
      message: `npm test needs ${missing.join(', ')}, which this machine lacks: run \`${aptCommandLine(missing)}\`, then npm test again.`,
    };
  }
  const prefix = privileges.isRoot ? [] : ['sudo', '-n'];
  return {
    action: 'install',
    packages: missing,
    commands: [
      [...prefix, 'apt-get', 'update', '-qq'],
      [
        ...prefix,
        'env',
        'DEBIAN_FRONTEND=noninteractive',
        'apt-get',
        'install',
        '-y',
        '-qq',
        ...missing,
      ],
    ],
  };
}

export function missingPrerequisites(
  machine: Machine,
  prerequisites: readonly Prerequisite[] = TEST_PREREQUISITES,
): string[] {
  return prerequisites
    .filter((prerequisite) => !prerequisite.isInstalled(machine))
    .map((prerequisite) => prerequisite.aptPackage);
}
