import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerRunCommand } from '../../../sidecar/src/cli/commands/run';

/** `run`'s options as commander parses them; the action (which connects) is replaced. */
function parseRun(args: string[]): Record<string, unknown> {
  const program = new Command('customer-analytics').exitOverride();
  registerRunCommand(program);
  const run = program.commands.find((command) => command.name() === 'run')!;
  run.exitOverride().configureOutput({ writeErr: () => undefined });
  let parsed: Record<string, unknown> = {};
  run.action((options: Record<string, unknown>) => {
    parsed = options;
  });
  program.parse(['run', ...args], { from: 'user' });
  return parsed;
}

describe('run --anomaly-k', () => {
  it('defaults to 3.5', () => {
    expect(parseRun([]).anomalyK).toBe(3.5);
  });

  it('takes a positive number', () => {
    expect(parseRun(['--anomaly-k', '2.5']).anomalyK).toBe(2.5);
    expect(parseRun(['--anomaly-k', '6']).anomalyK).toBe(6);
  });

  it.each(['0', '-1', 'abc', 'Infinity', ''])(
    'rejects %j with the value and what is expected',
    (value) => {
      expect(() => parseRun(['--anomaly-k', value])).toThrow(CommanderError);
      expect(() => parseRun(['--anomaly-k', value])).toThrow(
        `option '--anomaly-k <k>' argument '${value}' is invalid. '${value}' is not a number > 0 (the default is 3.5)`,
      );
    },
  );
});
