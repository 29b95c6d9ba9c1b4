/**
 * `npm test`'s pretest: makes sure the machine has the Debian packages the tests need, installing
 * the missing ones with apt when it can (root, or sudo without a password), and otherwise stopping
 * at once with one line naming the command to run, before minutes of tests fail one by one.
 */
import { spawnSync } from 'node:child_process';
import {
  commandOnPath,
  missingPrerequisites,
  planPrerequisites,
  TEST_PREREQUISITES,
  type Machine,
} from './test_prerequisites';

function passwordlessSudo(machine: Machine): boolean {
  if (!commandOnPath('sudo', machine)) return false;
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

function main(): number {
  const machine: Machine = { path: process.env.PATH ?? '', root: '' };
  const missing = missingPrerequisites(machine);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const plan = planPrerequisites(missing, {
    isRoot,
    passwordlessSudo: !isRoot && passwordlessSudo(machine),
    aptGetAvailable: commandOnPath('apt-get', machine),
  });
  if (plan.action === 'none') return 0;
  if (plan.action === 'stop') {
    console.error(plan.message);
    return 1;
  }
  const reasons = TEST_PREREQUISITES.filter((p) => missing.includes(p.aptPackage))
    .map((p) => `${p.aptPackage} (${p.usedFor})`)
    .join(', ');
  console.error(`Installing what the tests need: ${reasons}`);
  for (const [command, ...args] of plan.commands) {
    const result = spawnSync(command!, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) {
      console.error(
        `\`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).`,
      );
      return 1;
    }
  }
  const stillMissing = missingPrerequisites(machine);
  if (stillMissing.length > 0) {
    console.error(
      `apt installed ${plan.packages.join(', ')} but ${stillMissing.join(', ')} is still not found.`,
    );
    return 1;
  }
  return 0;
}

process.exit(main());
