import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { isStale } from '../build/freshness';
import { BUILD_PARTS } from '../build/inputs';
import { REPO_ROOT } from '../build/paths';

export interface UiHostOptions {
  port: number;
  host: string;
  prefix: string;
  sidecarUrl?: string;
  /** The signed-in user the host reports to the plugin (author of chart comments). */
  user?: string;
}

/** Builds the plugin bundle and host (not the zip) when any output is missing or stale. */
export function ensurePluginBuilt(): void {
  const stale = Object.values(BUILD_PARTS).some((part) => isStale(part.output, [...part.inputs]));
  if (!stale) return;
  console.log(
    'Building the Kibana plugin bundle and the standalone host (first time: a few minutes)…',
  );
  const result = spawnSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(REPO_ROOT, 'plugin/build/build_plugin.ts'),
      '--no-zip',
    ],
    { stdio: 'inherit', cwd: REPO_ROOT },
  );
  if (result.status !== 0)
    throw new Error(
      `building the plugin failed (exit ${result.status}); run \`npm run build:plugin\` to see why`,
    );
}

/**
 * Starts the standalone host (the built plugin bundle + the same server routes) and resolves to
 * the app's URL and a close that waits for the requests in flight. The host modules are loaded only here: server/ imports `@kbn/*`, which needs the
 * stand-ins registered first.
 */
export async function startUiHost(
  client: Client,
  options: UiHostOptions,
): Promise<{ url: string; close: () => Promise<void> }> {
  const { registerKbnStandIns } = await import('../host/kbn_loader');
  registerKbnStandIns();
  const missing = Object.values(BUILD_PARTS).filter((part) => !existsSync(part.output));
  if (missing.length > 0) {
    throw new Error(
      `the plugin is not built (${missing.map((part) => part.output).join(', ')} missing): run \`npm run build:plugin\` first`,
    );
  }
  const { createHostServer } = await import('../host/host_server');
  const app = await createHostServer({
    client,
    ...(options.user !== undefined ? { user: options.user } : {}),
    pluginConfig: {
      indexPrefix: options.prefix,
      ...(options.sidecarUrl ? { sidecarUrl: options.sidecarUrl } : {}),
      // From the environment, not the launch request: a command line is visible to `ps`.
      ...(process.env.CA_ADMIN_TOKEN ? { sidecarToken: process.env.CA_ADMIN_TOKEN } : {}),
    },
  });
  const address = await app.listen({ port: options.port, host: options.host });
  return { url: `${address}/app/customerAnalytics`, close: () => app.close() };
}
