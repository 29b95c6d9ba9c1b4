import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELASTICSEARCH_VERSION } from '../../../sidecar/src/es/version';
import { lintDockerfile } from './dockerfile_rules';

const ROOT = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the lint rules', () => {
  it('find every violation in a Dockerfile that breaks them all', () => {
    const bad = [
      'FROM node:latest AS build',
      'COPY . /app',
      'ADD app.js /app/',
      'RUN apt-get update && apt-get install -y curl',
      'RUN cd /app && npm ci || true',
      'FROM debian',
      'USER root',
    ].join('\n');
    expect(lintDockerfile(bad)).toEqual([
      'line 1: base image node:latest uses latest',
      'line 2: COPY without --chown',
      'line 3: ADD without --chown',
      'line 3: ADD where COPY would do',
      'line 4: apt-get install without removing /var/lib/apt/lists',
      'line 4: apt-get install without --no-install-recommends',
      "line 5: '|| true' hides a failure",
      'line 5: cd instead of WORKDIR',
      'line 6: base image debian has no pinned tag',
      'final stage: USER root is root',
      'no HEALTHCHECK',
    ]);
  });

  it('pass a multi-stage Dockerfile that follows them (a stage name is not a base image)', () => {
    const good = [
      'ARG V=1.2.3',
      'FROM example/base:${V} AS deps',
      'RUN apt-get update \\',
      ' && apt-get install -y --no-install-recommends curl \\',
      ' && rm -rf /var/lib/apt/lists/*',
      'FROM deps',
      'COPY --chown=app:app a /a',
      'USER app',
      'HEALTHCHECK CMD true',
    ].join('\n');
    expect(lintDockerfile(good)).toEqual([]);
  });
});

describe('the project Dockerfiles', () => {
  it.each(['deploy/sidecar/Dockerfile', 'deploy/kibana/Dockerfile'])(
    '%s passes the lint',
    (path) => {
      expect(lintDockerfile(read(path))).toEqual([]);
    },
  );

  it('the Kibana image is the Elasticsearch version and installs the zip of that version', () => {
    const text = read('deploy/kibana/Dockerfile');
    expect(text).toContain(`ARG KIBANA_VERSION=${ELASTICSEARCH_VERSION}\n`);
    expect(text).toContain('FROM docker.elastic.co/kibana/kibana:${KIBANA_VERSION}');
    expect(text).toContain('build/customerAnalytics-${KIBANA_VERSION}.zip');
    expect(text).toMatch(
      /RUN bin\/kibana-plugin install file:\/\/\/tmp\/customerAnalytics\.zip \\\n && /,
    );
  });

  it('the sidecar image installs production dependencies only and runs serve', () => {
    const text = read('deploy/sidecar/Dockerfile');
    expect(text).toContain('npm ci --omit=dev');
    expect(text).toContain('CMD ["serve", "--host", "0.0.0.0"');
    expect(text).toContain("fetch('http://127.0.0.1:5603/health')");
    expect(text).toMatch(/\nUSER node\n/);
  });

  it('.dockerignore keeps secrets, caches and node_modules out of the build context', () => {
    const lines = read('.dockerignore').split('\n');
    for (const entry of ['.env', 'node_modules', '.cache', '.git']) expect(lines).toContain(entry);
    expect(lines).not.toContain('build');
  });
});
