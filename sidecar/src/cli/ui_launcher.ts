import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths';

/**
 * The sidecar never imports plugin/ (the layers in eslint.config.js): the standalone host runs in
 * its own process, plugin/launch/ui_main.ts, started here with its options as one JSON argument.
 */
export const UI_HOST_ENTRY = join(PROJECT_ROOT, 'plugin', 'launch', 'ui_main.ts');
const TSX_LOADER = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');

/** The line the host prints when it listens in `start` mode, followed by the app's URL. */
export const UI_READY_MARK = 'customer-analytics-ui-ready ';

export interface UiLaunchRequest {
  port: number;
  host: string;
  prefix: string;
  sidecarUrl?: string;
  user?: string;
  /** Embedded node to connect to when ES_URL is unset. */
  esPort: number;
  /** Build the plugin first when it is missing or stale (`start`); `ui` only checks. */
  build: boolean;
  /** `serve`: print the URL for people; `start`: print UI_READY_MARK + URL for the launcher. */
  announce: 'serve' | 'start';
}

function spawnHost(request: UiLaunchRequest, stdout: 'inherit' | 'pipe', env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, ['--import', TSX_LOADER, UI_HOST_ENTRY, JSON.stringify(request)], {
    stdio: ['ignore', stdout, 'inherit'],
    env,
  });
}

/** `customer-analytics ui`: the host process in the foreground; signals and exit code pass through. */
export function serveUiHost(request: Omit<UiLaunchRequest, 'announce'>): ChildProcess {
  const child = spawnHost({ ...request, announce: 'serve' }, 'inherit', process.env);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.once('exit', (code, signal) =>
    process.exit(code ?? (signal === 'SIGINT' ? 130 : signal ? 143 : 1)),
  );
  return child;
}

/**
 * `start`: the host next to this process, on the Elasticsearch it already uses (`esUrl`); resolves
 * with the app's URL once the host listens. The host's other output is passed through, and the
 * host stops when this process exits.
 */
export function startUiHostBeside(
  request: Omit<UiLaunchRequest, 'announce'>,
  esUrl: string,
): Promise<string> {
  const env = process.env.ES_URL ? process.env : { ...process.env, ES_URL: esUrl };
  const child = spawnHost({ ...request, announce: 'start' }, 'pipe', env);
  process.once('exit', () => child.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(UI_READY_MARK)) resolve(line.slice(UI_READY_MARK.length));
      else console.log(line);
    });
    child.once('exit', (code) => reject(new Error(`the UI host exited (code ${code})`)));
  });
}
