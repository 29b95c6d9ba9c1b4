import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageZips } from '../../plugin/build/package_zip';
import { TARGET } from '../../plugin/build/paths';

function unzipTo(zipPath: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'ca-zip-'));
  execFileSync('unzip', ['-q', zipPath, '-d', directory]);
  return directory;
}

/** Every file under `root`, as relative path → bytes. */
function filesUnder(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else files.set(relative(root, path), readFileSync(path));
    }
  };
  visit(root);
  return files;
}

/**
 * The zip `bin/kibana-plugin install` takes: layout, manifest, and a server side that loads as
 * CommonJS in plain Node with only what Kibana provides (`@kbn/config-schema`, stubbed here the
 * way Kibana's own node_modules would supply it) and registers its routes.
 */
describe('customerAnalytics-<kibanaVersion>.zip', () => {
  let outDir: string;
  let zipPath: string;
  let otherZipPath: string;
  let extracted: string;
  let otherExtracted: string;

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'ca-zips-'));
    [zipPath, otherZipPath] = packageZips(['9.5.4', '9.4.2'], outDir) as [string, string];
    extracted = unzipTo(zipPath);
    otherExtracted = unzipTo(otherZipPath);
  });

  afterAll(() => {
    for (const directory of [outDir, extracted, otherExtracted]) {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('is named after the Kibana version and holds only kibana/customerAnalytics/', () => {
    expect(zipPath).toBe(join(outDir, 'customerAnalytics-9.5.4.zip'));
    expect(otherZipPath).toBe(join(outDir, 'customerAnalytics-9.4.2.zip'));
    const entries = execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(entries.every((entry) => entry.startsWith('kibana/'))).toBe(true);
    for (const required of [
      'kibana/customerAnalytics/kibana.json',
      'kibana/customerAnalytics/package.json',
      'kibana/customerAnalytics/server/index.js',
      'kibana/customerAnalytics/common/routes.js',
      'kibana/customerAnalytics/target/public/customerAnalytics.plugin.js',
      'kibana/customerAnalytics/node_modules/zod/package.json',
    ]) {
      expect(entries).toContain(required);
    }
  });

  it('carries a manifest for Kibana 9.5.4 and a CommonJS package.json', () => {
    const pluginDir = join(extracted, 'kibana', 'customerAnalytics');
    const manifest = JSON.parse(readFileSync(join(pluginDir, 'kibana.json'), 'utf8'));
    expect(manifest).toMatchObject({
      id: 'customerAnalytics',
      kibanaVersion: '9.5.4',
      server: true,
      ui: true,
      requiredPlugins: [],
      configPath: ['customerAnalytics'],
    });
    const packageJson = JSON.parse(readFileSync(join(pluginDir, 'package.json'), 'utf8'));
    expect(packageJson.type).toBeUndefined();
    expect(packageJson.kibana).toEqual({ version: '9.5.4' });
  });

  it('per Kibana version: its own kibanaVersion, and code byte-identical to the other zip', () => {
    const pluginDir = join(otherExtracted, 'kibana', 'customerAnalytics');
    const manifest = JSON.parse(readFileSync(join(pluginDir, 'kibana.json'), 'utf8'));
    expect(manifest).toMatchObject({ id: 'customerAnalytics', version: '0.1.0' });
    expect(manifest.kibanaVersion).toBe('9.4.2');
    const packageJson = JSON.parse(readFileSync(join(pluginDir, 'package.json'), 'utf8'));
    expect(packageJson.kibana).toEqual({ version: '9.4.2' });

    const versioned = [
      'kibana/customerAnalytics/kibana.json',
      'kibana/customerAnalytics/package.json',
    ];
    const code = filesUnder(extracted);
    const otherCode = filesUnder(otherExtracted);
    for (const path of versioned) {
      expect(code.get(path)?.equals(otherCode.get(path)!)).toBe(false);
      code.delete(path);
      otherCode.delete(path);
    }
    expect([...otherCode.keys()].sort()).toEqual([...code.keys()].sort());
    const differing = [...code].filter(([path, bytes]) => !bytes.equals(otherCode.get(path)!));
    expect(differing.map(([path]) => path)).toEqual([]);
    // The browser bundle is the webpack output as built, not a per-version rebuild.
    const bundle = 'kibana/customerAnalytics/target/public/customerAnalytics.plugin.js';
    expect(
      code.get(bundle)?.equals(readFileSync(join(TARGET.public, 'customerAnalytics.plugin.js'))),
    ).toBe(true);
  });

  /** Every admin endpoint of the sidecar, proxied by the plugin's server (issue 11). */
  const ADMIN_PROXY_ROUTES = [
    ['GET', '/health'],
    ['POST', '/elasticsearch/check'],
    ['GET', '/connections'],
    ['PUT', '/connections/{role}'],
    ['DELETE', '/connections/{role}'],
    ['POST', '/connections/{role}/test'],
    ['GET', '/schedules'],
    ['POST', '/schedules'],
    ['DELETE', '/schedules/{id}'],
    ['POST', '/runs'],
    ['GET', '/runs'],
    ['GET', '/runs/{id}'],
    ['GET', '/logs'],
  ] as const;

  it('loads its server in plain Node and registers every route with delegated authz', () => {
    const stubDir = join(extracted, 'kibana', 'node_modules', '@kbn', 'config-schema');
    mkdirSync(stubDir, { recursive: true });
    writeFileSync(
      join(stubDir, 'index.js'),
      `const type = (options = {}) => ({ defaultValue: options.defaultValue, validate: (v) => v });
       exports.schema = { string: type, number: type, boolean: type, maybe: (t) => t,
         object: (props) => ({ props, validate: (v) => v }) };`,
    );
    const script = `
      const server = require('./kibana/customerAnalytics/server');
      const routes = [];
      const register = (method) => (route) => routes.push({ method, path: route.path, authz: route.security.authz });
      const router = { get: register('GET'), post: register('POST'), put: register('PUT'), delete: register('DELETE') };
      const logger = { debug() {}, info() {}, warn() {}, error() {}, get() { return logger; } };
      const instance = server.plugin({
        config: { get: () => ({ indexPrefix: 'customer-analytics-', sidecarUrl: 'http://localhost:5603' }) },
        logger: { get: () => logger },
      });
      instance.setup({ http: { createRouter: () => router } }, {});
      instance.start({}, {});
      console.log(JSON.stringify({ configKeys: Object.keys(server.config.schema.props), routes }));`;
    const result = spawnSync(process.execPath, ['-e', script], {
      cwd: extracted,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    const reason =
      'Reads Elasticsearch as the current user; index privileges authorise the request.';
    const adminReason =
      'Forwards to the sidecar admin API with its own token; access to the app is granted by Kibana feature privileges.';
    expect(JSON.parse(result.stdout)).toEqual({
      configKeys: ['indexPrefix', 'sidecarUrl', 'sidecarToken'],
      routes: [
        {
          method: 'GET',
          path: '/api/customer_analytics/reports/{report}/{type}',
          authz: { enabled: false, reason },
        },
        {
          method: 'GET',
          path: '/api/customer_analytics/dimensions',
          authz: { enabled: false, reason },
        },
        {
          method: 'GET',
          path: '/api/customer_analytics/annotations',
          authz: { enabled: false, reason },
        },
        {
          method: 'POST',
          path: '/api/customer_analytics/annotations',
          authz: { enabled: false, reason },
        },
        {
          method: 'DELETE',
          path: '/api/customer_analytics/annotations/{id}',
          authz: { enabled: false, reason },
        },
        {
          method: 'GET',
          path: '/api/customer_analytics/segments/customers',
          authz: { enabled: false, reason },
        },
        {
          method: 'GET',
          path: '/api/customer_analytics/search',
          authz: { enabled: false, reason },
        },
        {
          method: 'GET',
          path: '/api/customer_analytics/entity/{type}/{value}',
          authz: { enabled: false, reason },
        },
        ...ADMIN_PROXY_ROUTES.map(([method, path]) => ({
          method,
          path: `/api/customer_analytics/admin${path}`,
          authz: { enabled: false, reason: adminReason },
        })),
      ],
    });
  });
});
