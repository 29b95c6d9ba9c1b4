import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { assertPortFree, findFreePort } from '../../../sidecar/src/es/ports';

describe('assertPortFree', () => {
  it('names the port and what to do when it is taken', async () => {
    const server = createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      await expect(assertPortFree(port, 'Elasticsearch HTTP')).rejects.toThrow(
        `port ${port} (Elasticsearch HTTP) is already in use on 127.0.0.1`,
      );
    } finally {
      server.close();
    }
  });

  it('resolves for a free port', async () => {
    await expect(assertPortFree(await findFreePort(), 'test')).resolves.toBeUndefined();
  });
});
