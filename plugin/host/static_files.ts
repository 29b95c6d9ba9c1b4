import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Serves the files of `directory` under `prefix` (build output only; no listing, no `..`). */
export function serveDirectory(app: FastifyInstance, prefix: string, directory: string): void {
  app.get(`${prefix}*`, async (request, reply) => {
    const relative = normalize((request.params as { '*': string })['*']);
    if (relative.startsWith('..') || relative.includes(`${sep}..`)) {
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'bad path' });
    }
    const file = join(directory, relative);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      return reply.code(404).send({
        statusCode: 404,
        error: 'Not Found',
        message: `${prefix}${relative} is not built; run \`npm run build:plugin\``,
      });
    }
    return reply
      .type(CONTENT_TYPES[extname(file)] ?? 'application/octet-stream')
      .header('cache-control', 'no-cache')
      .send(createReadStream(file));
  });
}
