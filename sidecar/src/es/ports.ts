import { createServer } from 'node:net';

/** Resolves when `port` on 127.0.0.1 can be bound, rejects with a clear message when it is taken. */
export function assertPortFree(port: number, purpose: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `port ${port} (${purpose}) is already in use on 127.0.0.1: stop what holds it (e.g. 'ss -ltnp | grep :${port}'), choose another port, or set ES_URL to use a running Elasticsearch`
            : `cannot bind port ${port} (${purpose}): ${error.message}`,
        ),
      );
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/** A port the OS says is free right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
