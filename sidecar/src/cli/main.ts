import { Command } from 'commander';
import { registerElasticsearchCommand } from './commands/elasticsearch';
import { registerStartCommand } from './commands/start';
import { registerRunCommand } from './commands/run';
import { registerDemoDataCommand } from './commands/demo_data';
import { registerIngestCommand } from './commands/ingest';
import { registerUiCommand } from './commands/ui';
import { registerServeCommand } from './commands/serve';

/** `customer-analytics`: every command registers itself from its own module. */
export function buildProgram(): Command {
  const program = new Command('customer-analytics')
    .description('Customer Analytics for the Elastic Stack: ingest, analyse, serve')
    .showHelpAfterError();
  registerStartCommand(program);
  registerElasticsearchCommand(program);
  registerRunCommand(program);
  registerDemoDataCommand(program);
  registerIngestCommand(program);
  registerUiCommand(program);
  registerServeCommand(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
