import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { connectElasticsearch, type ElasticsearchHandle } from '../../sidecar/src/es/elasticsearch';

declare module 'vitest' {
  export interface ProvidedContext {
    esUrl: string;
  }
}

interface SharedNode {
  handle: Promise<ElasticsearchHandle>;
  users: number;
}

/**
 * One Elasticsearch for every project of the run that asks for it: the first project's setup
 * starts it, later ones reuse it, and the last teardown stops it. Vitest may load this file once
 * per project, so the shared node lives on globalThis (one main process), not in module scope.
 * Each test file then works under its own index prefix.
 */
const registry = globalThis as typeof globalThis & { __customerAnalyticsTestNode?: SharedNode };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  registry.__customerAnalyticsTestNode ??= {
    handle: connectElasticsearch({
      nodeName: `test-${process.pid}-${randomBytes(3).toString('hex')}`,
      port: 0,
      fresh: true,
    }),
    users: 0,
  };
  const shared = registry.__customerAnalyticsTestNode;
  shared.users += 1;
  const es = await shared.handle;
  project.provide('esUrl', es.url);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry.__customerAnalyticsTestNode;
    await es.close();
    if (es.node) rmSync(es.node.nodeDir, { recursive: true, force: true });
  };
}
