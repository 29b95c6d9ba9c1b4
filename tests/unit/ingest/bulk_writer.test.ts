import { Readable } from 'node:stream';
import { errors, type Client } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { BulkWriter, type BulkItemRef } from '../../../sidecar/src/ingest/bulk_writer';

interface Sent {
  path: string;
  lines: string[];
}

type Answer = (sent: Sent) => Promise<unknown> | unknown;

/**
 * A client whose `_bulk` requests are recorded and answered by `answer` (default: all fine), as
 * the transport does with `asStream` and `meta`: a status code and the body as a stream. An
 * answer `{ status, body }` sets the HTTP status.
 */
function fakeClient(answer: Answer = () => ({ errors: false })) {
  const sent: Sent[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const client = {
    transport: {
      request: async (params: { path: string; bulkBody: Buffer }) => {
        const request = {
          path: params.path,
          lines: params.bulkBody.toString('utf8').split('\n').slice(0, -1),
        };
        sent.push(request);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 5));
          const reply = (await answer(request)) as { status?: number; body?: unknown };
          const status = reply.status ?? 200;
          const body = reply.status ? reply.body : reply;
          return { statusCode: status, body: Readable.from([Buffer.from(JSON.stringify(body))]) };
        } finally {
          inFlight -= 1;
        }
      },
    },
  } as unknown as Client;
  return { client, sent, maxInFlight: () => maxInFlight };
}

const doc = (id: string) => JSON.stringify({ id, text: 'x'.repeat(40) });

describe('bulk writer', () => {
  it('sends one index per request as /{index}/_bulk with `_id`-only action lines', async () => {
    const fake = fakeClient();
    const writer = new BulkWriter(fake.client, { maxBatchBytes: 1 << 20 });
    await writer.add('downloads-1', 'c1', 2, doc('c1'));
    await writer.add('downloads-1', 'c"2', 3, doc('c2'));
    await writer.add('orders-1', 's1', 2, doc('s1'));
    await writer.flush();
    expect(fake.sent).toEqual([
      {
        path: '/downloads-1/_bulk',
        lines: ['{"index":{"_id":"c1"}}', doc('c1'), '{"index":{"_id":"c\\"2"}}', doc('c2')],
      },
      { path: '/orders-1/_bulk', lines: ['{"index":{"_id":"s1"}}', doc('s1')] },
    ]);
    expect(writer.indexed).toBe(3);
  });

  it('cuts batches by size and never has more than `concurrency` requests in flight', async () => {
    const fake = fakeClient();
    const writer = new BulkWriter(fake.client, { maxBatchBytes: 300, concurrency: 2 });
    for (let i = 0; i < 100; i += 1) await writer.add('orders-1', `s${i}`, i, doc(`s${i}`));
    await writer.flush();
    // Each item is 23-25 + 57 bytes: a batch closes at its fourth item.
    expect(fake.sent.map((request) => request.lines.length / 2)).toEqual(Array(25).fill(4));
    expect(fake.maxInFlight()).toBe(2);
    const ids = fake.sent.flatMap((request) =>
      request.lines.filter((_, i) => i % 2 === 0).map((line) => JSON.parse(line).index._id),
    );
    expect(ids).toEqual(Array.from({ length: 100 }, (_, i) => `s${i}`));
  });

  it('retries only the items answered 429, and reports items refused for good', async () => {
    let call = 0;
    const fake = fakeClient((request) => {
      call += 1;
      if (call > 1) return { errors: false, items: [{ index: { status: 201 } }] };
      const statuses = [201, 429, 400, 201];
      return {
        errors: true,
        items: request.lines
          .filter((_, i) => i % 2 === 0)
          .map((_, i) => ({
            index: {
              status: statuses[i],
              ...(statuses[i]! >= 300
                ? { error: { type: 'mapper_parsing_exception', reason: 'bad field' } }
                : {}),
            },
          })),
      };
    });
    const refused: Array<[BulkItemRef, number, string]> = [];
    const writer = new BulkWriter(fake.client, {
      initialBackoffMs: 1,
      onItemFailure: (ref, status, reason) => void refused.push([ref, status, reason]),
    });
    for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) await writer.add('o', id, i + 2, doc(id));
    await writer.flush();
    expect(fake.sent[1]!.lines).toEqual(['{"index":{"_id":"b"}}', doc('b')]);
    expect(refused).toEqual([
      [{ index: 'o', id: 'c', line: 4 }, 400, 'mapper_parsing_exception: bad field'],
    ]);
    expect(writer.indexed).toBe(3);
    expect(writer.failed).toBe(1);
    expect(writer.retries).toBe(1);
  });

  it('retries a lost connection with backoff, then gives up with what to do', async () => {
    const fake = fakeClient(() => {
      throw new errors.ConnectionError('connect ECONNREFUSED');
    });
    const delays: number[] = [];
    const writer = new BulkWriter(fake.client, {
      maxRetries: 3,
      initialBackoffMs: 1,
      onRetry: (_attempt, delay) => void delays.push(delay),
    });
    await writer.add('o', 'a', 2, doc('a'));
    await expect(writer.flush()).rejects.toThrow(
      /did not accept a bulk request after 3 retries .*ECONNREFUSED.*run the ingest again/,
    );
    expect(delays).toEqual([1, 2, 4]);
    expect(fake.sent).toHaveLength(4);
  });

  it('retries a request answered 503 as a whole, fails at once on one answered 400', async () => {
    let calls = 0;
    const busy = fakeClient(() => {
      calls += 1;
      return calls === 1
        ? { status: 503, body: { error: 'unavailable_shards' } }
        : { errors: false };
    });
    const retrying = new BulkWriter(busy.client, { initialBackoffMs: 1 });
    await retrying.add('o', 'a', 2, doc('a'));
    await retrying.flush();
    expect(busy.sent).toHaveLength(2);
    expect(retrying.indexed).toBe(1);

    const refusing = fakeClient(() => ({ status: 400, body: { error: 'illegal_argument' } }));
    const writer = new BulkWriter(refusing.client);
    await writer.add('o', 'a', 2, doc('a'));
    await expect(writer.flush()).rejects.toThrow(
      /Elasticsearch refused a bulk request: HTTP 400: .*illegal_argument/,
    );
    expect(refusing.sent).toHaveLength(1);
  });
});
