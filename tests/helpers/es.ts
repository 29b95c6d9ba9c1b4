import { inject } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { createClient } from '../../sidecar/src/es/connection';
import { deleteIndices } from '../../sidecar/src/es/templates';

/** A client for the Elasticsearch the global setup started (or ES_URL). */
export function testClient(): Client {
  return createClient({ url: inject('esUrl') });
}

/** A prefix no other test file uses, so files can run in parallel against one node. */
export function testPrefix(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `test-${slug}-${process.pid}-${Date.now().toString(36)}-`;
}

export async function dropPrefix(client: Client, prefix: string): Promise<void> {
  await deleteIndices(client, prefix);
}
