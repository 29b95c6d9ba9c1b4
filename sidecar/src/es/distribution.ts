import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR } from '../paths';
import { ELASTICSEARCH_MAVEN_COORDINATES, ELASTICSEARCH_VERSION } from './version';

export interface Distribution {
  version: string;
  home: string;
}

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      `${what} needs '${command}', which is not installed` +
        (command === 'mvn'
          ? ` (apt-get install maven), or set ES_URL to use an existing cluster`
          : ''),
    );
  }
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20);
    throw new Error(`${what} failed (${command} exited ${result.status}):\n${output.join('\n')}`);
  }
}

/** The zip, fetched once through Maven into the project's own local repository. */
function downloadZip(): string {
  const distDir = join(CACHE_DIR, 'dist');
  const zip = join(distDir, `elasticsearch-${ELASTICSEARCH_VERSION}.zip`);
  if (existsSync(zip)) return zip;
  mkdirSync(distDir, { recursive: true });
  console.error(`Downloading Elasticsearch ${ELASTICSEARCH_VERSION} from Maven Central (once)…`);
  run(
    'mvn',
    [
      '-q',
      '-B',
      `-Dmaven.repo.local=${join(CACHE_DIR, 'm2')}`,
      'dependency:copy',
      `-Dartifact=${ELASTICSEARCH_MAVEN_COORDINATES}`,
      `-DoutputDirectory=${distDir}`,
    ],
    `downloading ${ELASTICSEARCH_MAVEN_COORDINATES}`,
  );
  if (!existsSync(zip)) throw new Error(`Maven finished but ${zip} is missing`);
  return zip;
}

/**
 * Unpacks into a private temporary folder and renames it into place, so concurrent callers
 * (parallel test runs) never see a half-unpacked distribution.
 */
export function ensureDistribution(runtimeRoot: string = CACHE_DIR): Distribution {
  const home = join(runtimeRoot, `elasticsearch-${ELASTICSEARCH_VERSION}`);
  if (existsSync(join(home, 'bin', 'elasticsearch'))) {
    return { version: ELASTICSEARCH_VERSION, home };
  }
  const zip = downloadZip();
  const staging = join(runtimeRoot, `unpack-${process.pid}-${Date.now()}`);
  mkdirSync(staging, { recursive: true });
  try {
    run('unzip', ['-q', '-o', zip, '-d', staging], `unpacking ${zip}`);
    const [top] = readdirSync(staging);
    if (!top) throw new Error(`${zip} is empty`);
    try {
      renameSync(join(staging, top), home);
    } catch (error) {
      if (!existsSync(join(home, 'bin', 'elasticsearch'))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { version: ELASTICSEARCH_VERSION, home };
}
