import type { Client } from '@elastic/elasticsearch';
import { connectionFromEnv, createClient } from './connection';
import { startLocalNode, type LocalNode } from './local_node';

export interface ElasticsearchHandle {
  client: Client;
  url: string;
  /** The embedded node we started, or null when ES_URL pointed at an existing cluster. */
  node: LocalNode | null;
  close(): Promise<void>;
}

/**
 * The cluster every command works against: ES_URL when set (nothing is started), otherwise the
 * embedded node `nodeName` on `port` (0 = any free port).
 */
export async function connectElasticsearch(options: {
  nodeName: string;
  port: number;
  fresh?: boolean;
}): Promise<ElasticsearchHandle> {
  const remote = connectionFromEnv();
  if (remote) {
    const client = createClient(remote);
    try {
      await client.cluster.health({ timeout: '10s' });
    } catch (error) {
      throw new Error(
        `cannot reach Elasticsearch at ES_URL=${remote.url}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    return { client, url: remote.url, node: null, close: () => client.close() };
  }
  const node = await startLocalNode({
    name: options.nodeName,
    port: options.port,
    fresh: options.fresh,
  });
  const client = createClient({ url: node.url });
  return {
    client,
    url: node.url,
    node,
    close: async () => {
      await client.close();
      await node.stop();
    },
  };
}

/**
 * Keeps a long-running command alive until Ctrl-C / SIGTERM, then stops the handle (and the
 * embedded node with it) and exits with the conventional code.
 */
export function closeOnSignals(handle: ElasticsearchHandle): void {
  const keepAlive = setInterval(() => undefined, 1 << 30);
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      clearInterval(keepAlive);
      console.error(`\n${signal}: stopping Elasticsearch…`);
      void handle.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}
