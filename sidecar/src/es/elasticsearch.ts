import type { Client } from '@elastic/elasticsearch';
import { connectionFromEnv, createClient } from './connection';
import { runningLocalNodeUrl, startLocalNode, type LocalNode } from './local_node';

export interface ElasticsearchHandle {
  client: Client;
  url: string;
  /**
   * The embedded node we started, or null when ES_URL pointed at an existing cluster or another
   * command of this checkout already ran the embedded node (it stays that command's to stop).
   */
  node: LocalNode | null;
  close(): Promise<void>;
}

/**
 * The cluster every command works against: ES_URL when set (nothing is started), otherwise the
 * embedded node `nodeName` on `port` (0 = any free port) — the one already running when another
 * command (`npm start`) has started it, unless `fresh` asks for an empty one.
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
  const running = options.fresh ? null : await runningLocalNodeUrl(options.nodeName, options.port);
  if (running) {
    console.error(`Using the embedded Elasticsearch another command started at ${running}`);
    const client = createClient({ url: running });
    return { client, url: running, node: null, close: () => client.close() };
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
 * embedded node with it) and exits with the conventional code. Later signals only say that the
 * stop is under way: a wrapper forwarding signals to its group, or an impatient second Ctrl-C,
 * must not kill this process half-way and leave the node running.
 */
export function closeOnSignals(
  handle: ElasticsearchHandle,
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  const keepAlive = setInterval(() => undefined, 1 << 30);
  let closingSince: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closingSince) {
      console.error(
        `${signal}: still stopping Elasticsearch (after ${closingSince}), please wait…`,
      );
      return;
    }
    closingSince = signal;
    clearInterval(keepAlive);
    console.error(`\n${signal}: stopping Elasticsearch…`);
    void handle.close().finally(() => exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    clearInterval(keepAlive);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
