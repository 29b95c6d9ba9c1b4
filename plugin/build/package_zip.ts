import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileServer } from './server_compile';
import { BUILD_DIR, PLUGIN_ID, REPO_ROOT, TARGET } from './paths';

interface KibanaManifest {
  id: string;
  version: string;
  kibanaVersion: string;
  [key: string]: unknown;
}

export function readManifest(): KibanaManifest {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'kibana.json'), 'utf8')) as KibanaManifest;
}

export function zipFileName(kibanaVersion: string): string {
  return `${PLUGIN_ID}-${kibanaVersion}.zip`;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Lays out `<outDir>/kibana/customerAnalytics/` the way `bin/kibana-plugin install` expects:
 * server/ and common/ compiled once, the already built target/public/, and the one runtime
 * dependency Kibana does not provide, zod. Returns the plugin folder and zod's version.
 */
function stageCode(outDir: string): { pluginDir: string; zodVersion: string } {
  const pluginDir = join(outDir, 'kibana', PLUGIN_ID);
  rmSync(join(outDir, 'kibana'), { recursive: true, force: true });
  mkdirSync(pluginDir, { recursive: true });

  compileServer(TARGET.server);
  cpSync(join(TARGET.server, 'server'), join(pluginDir, 'server'), { recursive: true });
  cpSync(join(TARGET.server, 'common'), join(pluginDir, 'common'), { recursive: true });
  cpSync(TARGET.public, join(pluginDir, 'target', 'public'), { recursive: true });

  const zodDir = join(REPO_ROOT, 'node_modules', 'zod');
  const zodVersion = (
    JSON.parse(readFileSync(join(zodDir, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  cpSync(zodDir, join(pluginDir, 'node_modules', 'zod'), { recursive: true });
  return { pluginDir, zodVersion };
}

/** The two files that name the Kibana version; everything else in the zip is shared. */
function writeVersionedFiles(
  pluginDir: string,
  manifest: KibanaManifest,
  kibanaVersion: string,
  zodVersion: string,
): void {
  writeJson(join(pluginDir, 'kibana.json'), { ...manifest, kibanaVersion });
  // CommonJS (no "type": "module"): Kibana require()s server/index.js.
  writeJson(join(pluginDir, 'package.json'), {
    name: PLUGIN_ID,
    version: manifest.version,
    private: true,
    license: 'Apache-2.0',
    main: 'server/index.js',
    kibana: { version: kibanaVersion },
    dependencies: { zod: zodVersion },
  });
}

/**
 * One `customerAnalytics-<kibanaVersion>.zip` per version in `outDir` (default build/), each
 * with its own kibana.json / package.json and byte-identical code: the server is compiled and the
 * webpack output copied once, then only the two manifests change between zips. Returns the paths.
 */
export function packageZips(
  kibanaVersions: readonly string[],
  outDir: string = BUILD_DIR,
): string[] {
  if (kibanaVersions.length === 0) throw new Error('packageZips: no Kibana version given');
  const manifest = readManifest();
  const { pluginDir, zodVersion } = stageCode(outDir);
  return kibanaVersions.map((kibanaVersion) => {
    writeVersionedFiles(pluginDir, manifest, kibanaVersion, zodVersion);
    const zipPath = join(outDir, zipFileName(kibanaVersion));
    rmSync(zipPath, { force: true });
    try {
      execFileSync('zip', ['-r', '-q', '-X', zipPath, 'kibana'], { cwd: outDir });
    } catch (error) {
      throw new Error(`writing ${zipPath} with the \`zip\` command failed (is zip installed?)`, {
        cause: error,
      });
    }
    return zipPath;
  });
}
