import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { connectElasticsearch, type ElasticsearchHandle } from '../../sidecar/src/es/elasticsearch';

declare module 'vitest' {
  export interface ProvidedContext {
    esUrl: string;
  }
}

/**
 * One Elasticsearch for every project of the run that asks for it: the first project's setup
 * starts it, later ones reuse it, and the last teardown stops it. Each test file then works under
 * its own index prefix.
 */
let shared: Promise<ElasticsearchHandle> | null = null;
let users = 0;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  users += 1;
  shared ??= connectElasticsearch({ nodeName: `test-${process.pid}`, port: 0, fresh: true });
  const es = await shared;
  project.provide('esUrl', es.url);
  return async () => {
    users -= 1;
    if (users === 0) {
      shared = null;
      await es.close();
      if (es.node) rmSync(es.node.nodeDir, { recursive: true, force: true });
    }
  };
}
