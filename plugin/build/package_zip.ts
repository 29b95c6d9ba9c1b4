import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileServer } from './server_compile';
import { BUILD_DIR, PLUGIN_ID, REPO_ROOT, TARGET } from './paths';

interface KibanaManifest {
  id: string;
  version: string;
  kibanaVersion: string;
}

export function readManifest(): KibanaManifest {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'kibana.json'), 'utf8')) as KibanaManifest;
}

export function zipFileName(manifest: KibanaManifest): string {
  return `${manifest.id}-${manifest.kibanaVersion}.zip`;
}

/**
 * Lays out `build/kibana/customerAnalytics/` the way `bin/kibana-plugin install` expects
 * (kibana.json, package.json, server/, common/, target/public/, and the one runtime dependency
 * Kibana does not provide, zod) and zips `kibana/` into `build/customerAnalytics-<kibanaVersion>.zip`.
 */
export function packageZip(): string {
  const manifest = readManifest();
  const staging = join(BUILD_DIR, 'kibana');
  const pluginDir = join(staging, PLUGIN_ID);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(pluginDir, { recursive: true });

  compileServer(TARGET.server);
  cpSync(join(TARGET.server, 'server'), join(pluginDir, 'server'), { recursive: true });
  cpSync(join(TARGET.server, 'common'), join(pluginDir, 'common'), { recursive: true });
  cpSync(TARGET.public, join(pluginDir, 'target', 'public'), { recursive: true });
  cpSync(join(REPO_ROOT, 'kibana.json'), join(pluginDir, 'kibana.json'));

  const zodDir = join(REPO_ROOT, 'node_modules', 'zod');
  const zodVersion = (
    JSON.parse(readFileSync(join(zodDir, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  cpSync(zodDir, join(pluginDir, 'node_modules', 'zod'), { recursive: true });

  // CommonJS (no "type": "module"): Kibana require()s server/index.js.
  const packageJson = {
    name: PLUGIN_ID,
    version: manifest.version,
    private: true,
    license: 'Apache-2.0',
    main: 'server/index.js',
    kibana: { version: manifest.kibanaVersion },
    dependencies: { zod: zodVersion },
  };
  writeFileSync(join(pluginDir, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);

  const zipPath = join(BUILD_DIR, zipFileName(manifest));
  rmSync(zipPath, { force: true });
  try {
    execFileSync('zip', ['-r', '-q', '-X', zipPath, 'kibana'], { cwd: BUILD_DIR });
  } catch (error) {
    throw new Error(`writing ${zipPath} with the \`zip\` command failed (is zip installed?)`, {
      cause: error,
    });
  }
  return zipPath;
}
