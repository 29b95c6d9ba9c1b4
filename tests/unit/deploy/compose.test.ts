import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ELASTICSEARCH_VERSION } from '../../../sidecar/src/es/version';

const ROOT = join(import.meta.dirname, '../../..');
const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');

interface Service {
  image?: string;
  build?: { args?: Record<string, string> };
  environment?: string[] | Record<string, string>;
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }> | string[];
  volumes?: string[];
  command?: string[] | string;
}
const compose = parseYaml(text, { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const env = (service: Service): Record<string, string> =>
  Array.isArray(service.environment)
    ? Object.fromEntries(
        service.environment.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
      )
    : (service.environment ?? {});

describe('docker-compose.yml', () => {
  it('has the stack: setup, Elasticsearch, Kibana, the sidecar and its configure step', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['configure', 'elasticsearch', 'init', 'kibana', 'setup', 'sidecar'].sort(),
    );
  });

  it('gives every service a healthcheck', () => {
    const missing = Object.entries(services).filter(([, s]) => !s.healthcheck?.test);
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('runs Elasticsearch and Kibana at the version the plugin build targets', () => {
    expect(services.elasticsearch!.image).toBe(
      `docker.elastic.co/elasticsearch/elasticsearch:${ELASTICSEARCH_VERSION}`,
    );
    expect(services.setup!.image).toBe(services.elasticsearch!.image);
    expect(services.kibana!.build!.args!.KIBANA_VERSION).toBe(ELASTICSEARCH_VERSION);
    const kibanaJson = JSON.parse(readFileSync(join(ROOT, 'kibana.json'), 'utf8')) as {
      kibanaVersion: string;
    };
    expect(kibanaJson.kibanaVersion).toBe(ELASTICSEARCH_VERSION);
  });

  it('turns security on with TLS on HTTP and transport, and nothing turns it off', () => {
    const es = env(services.elasticsearch!);
    expect(es['xpack.security.enabled']).toBe('true');
    expect(es['xpack.security.http.ssl.enabled']).toBe('true');
    expect(es['xpack.security.transport.ssl.enabled']).toBe('true');
    expect(text).not.toMatch(/security\.enabled\s*[=:]\s*['"]?false/);
    expect(env(services.sidecar!).ES_URL).toMatch(/^https:\/\//);
    expect(env(services.sidecar!).ES_CA_FILE).toBe('/certs/ca/ca.crt');
    const kibanaYml = readFileSync(join(ROOT, 'deploy/kibana/kibana.yml'), 'utf8');
    expect(kibanaYml).toContain("elasticsearch.hosts: ['https://es01:9200']");
  });

  it('takes every password from .env, none written in the file', () => {
    expect(env(services.elasticsearch!).ELASTIC_PASSWORD).toBe('${ELASTIC_PASSWORD}');
    expect(env(services.sidecar!).ES_PASSWORD).toBe('${SIDECAR_ES_PASSWORD}');
    expect(env(services.sidecar!).CA_ADMIN_TOKEN).toBe('${CA_ADMIN_TOKEN}');
    expect(env(services.kibana!).KIBANA_PASSWORD).toBe('${KIBANA_PASSWORD}');
  });

  it('never hides a failure with || true', () => {
    expect(text).not.toMatch(/\|\|\s*true/);
    expect(readFileSync(join(ROOT, 'deploy/setup/setup.sh'), 'utf8')).not.toMatch(/\|\|\s*true/);
  });

  it('keeps data in named volumes, declared at the top level', () => {
    const named = (service: Service, target: string) =>
      service.volumes?.find((v) => v.split(':')[1] === target)?.split(':')[0];
    expect(named(services.elasticsearch!, '/usr/share/elasticsearch/data')).toBe('es-data');
    expect(named(services.kibana!, '/usr/share/kibana/data')).toBe('kibana-data');
    expect(named(services.sidecar!, '/var/lib/customer-analytics')).toBe('sidecar-work');
    expect(Object.keys(compose.volumes).sort()).toEqual(
      ['certs', 'es-data', 'kibana-data', 'sidecar-work'].sort(),
    );
  });

  it('orders start-up by health: every depends_on names a condition', () => {
    const edges = Object.entries(services).flatMap(([name, s]) => {
      if (Array.isArray(s.depends_on)) return [[name, 'bare list', 'none']];
      return Object.entries(s.depends_on ?? {}).map(([on, d]) => [name, on, d.condition]);
    });
    expect(edges).toEqual([
      ['elasticsearch', 'setup', 'service_healthy'],
      ['kibana', 'setup', 'service_completed_successfully'],
      ['kibana', 'elasticsearch', 'service_healthy'],
      ['kibana', 'sidecar', 'service_healthy'],
      ['sidecar', 'setup', 'service_completed_successfully'],
      ['sidecar', 'elasticsearch', 'service_healthy'],
      ['configure', 'sidecar', 'service_healthy'],
    ]);
  });

  it('runs the sidecar as `serve`, health-checked on /health, with the user config mounted', () => {
    const sidecar = services.sidecar!;
    expect((sidecar.command as string[])[0]).toBe('serve');
    expect(JSON.stringify(sidecar.healthcheck!.test)).toContain('http://127.0.0.1:5603/health');
    expect(services.configure!.volumes).toContain(
      '${CA_CONFIG_FILE:-./customer-analytics.yml}:/config/customer-analytics.yml:ro',
    );
  });

  it('passes `docker compose config` where a compose plugin is installed', (context) => {
    const probe = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      const reason = (probe.error?.message ?? probe.stderr ?? '').trim().split('\n')[0];
      console.warn(`docker compose config not run: no compose plugin here (${reason})`);
      context.skip();
    }
    const folder = mkdtempSync(join(tmpdir(), 'compose-'));
    const envFile = join(folder, '.env');
    writeFileSync(envFile, 'ELASTIC_PASSWORD=a\nKIBANA_PASSWORD=b\nSIDECAR_ES_PASSWORD=c\n');
    execFileSync(
      'docker',
      ['compose', '--env-file', envFile, '-f', 'docker-compose.yml', 'config', '--quiet'],
      {
        cwd: ROOT,
      },
    );
  });
});
