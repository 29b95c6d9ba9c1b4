import type { Command } from 'commander';
import { writeDemoFiles } from '../../demo/write_files';
import { parseNonNegativeInt, parsePositiveInt } from '../options';

interface DemoDataOptions {
  customers: number;
  days: number;
  seed: number;
  out: string;
  start: string;
  dimensions: number;
  quiet?: boolean;
}

export function registerDemoDataCommand(program: Command): void {
  program
    .command('demo-data')
    .description(
      'write a seeded synthetic shop (sessions.csv, customers.csv, products.csv) and ground-truth.json',
    )
    .option('--customers <n>', 'number of customers', parsePositiveInt, 10_000)
    .option('--days <d>', 'length of the period in days (at least 14)', parsePositiveInt, 180)
    .option(
      '--seed <s>',
      'random seed: the same seed gives byte-identical files',
      parseNonNegativeInt,
      1,
    )
    .requiredOption('--out <dir>', 'output directory (created if missing)')
    .option('--start <yyyy-mm-dd>', 'first day of the period (UTC)', '2025-01-06')
    .option('--dimensions <n>', 'number of dimension values location_1..N', parsePositiveInt, 3)
    .option('--quiet', 'no progress output')
    .action(async (options: DemoDataOptions) => {
      const startedMs = performance.now();
      let lastReportMs = startedMs;
      const result = await writeDemoFiles(options, options.out, (customers, sessions) => {
        const nowMs = performance.now();
        if (options.quiet || nowMs - lastReportMs < 2000) return;
        lastReportMs = nowMs;
        process.stderr.write(
          `\r${customers.toLocaleString('en')} / ${options.customers.toLocaleString('en')} customers, ${sessions.toLocaleString('en')} sessions`,
        );
      });
      if (!options.quiet) process.stderr.write('\n');
      const truth = result.groundTruth;
      console.log(
        JSON.stringify({
          out: result.directory,
          customers: truth.customers.count,
          sessions: truth.sessions.count,
          orders: truth.sessions.orders,
          basket_lines: truth.files['products.csv'],
          seconds: Math.round((performance.now() - startedMs) / 100) / 10,
        }),
      );
    });
}
