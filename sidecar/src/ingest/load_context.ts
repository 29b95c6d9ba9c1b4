import { join } from 'node:path';
import type { IngestConfig } from '../../../common/source_mapping';
import type { RowSource } from '../sources/types';
import type { BulkWriter } from './bulk_writer';
import type { ClientCoverage } from './missing_clients';
import { PendingNotices, type NoticeSink } from './pending_notices';
import { OutOfOrder, type StreamContext } from './record_streams';
import type { StagingIndices } from './staging';

export interface OpenedSources {
  sessions?: RowSource;
  customers?: RowSource;
  products?: RowSource;
  order_lines?: RowSource;
}

/** Everything the loaders share during one ingest. */
export interface LoadContext extends StreamContext {
  config: IngestConfig;
  sources: OpenedSources;
  staging: StagingIndices;
  writer: BulkWriter;
  /** Where notices go right now: the report, or the running attempt's pending notices. */
  notices: { current: NoticeSink };
  /** Documents Elasticsearch refused for good, per physical index (this attempt's). */
  refused: Record<string, number>;
  /** Sessions whose client has no customer (when both sources are loaded). */
  coverage: ClientCoverage | null;
  /** Documents queued so far, all indices (progress). */
  queued: { count: number };
  onDocuments?: (queued: number) => void;
  log(message: string): void;
}

/**
 * Queues one serialised document. Returns a promise only when the bulk pipe is full: await it
 * then (back-pressure); otherwise carry on without a microtask.
 */
export function writeDocument(
  context: LoadContext,
  index: string,
  id: string,
  line: number,
  json: string,
): Promise<void> | undefined {
  context.queued.count += 1;
  if ((context.queued.count & 1023) === 0) context.onDocuments?.(context.queued.count);
  return context.writer.add(index, id, line, json);
}

/**
 * Runs one load into `index` until it completes. Sources are first streamed as they come; when
 * one turns out unsorted (OutOfOrder), everything sent so far is flushed, the attempt's notices
 * are dropped, and the load starts over once with every source of the load going through the
 * external sort (read in the same order as before, so the report stays in source order; a
 * source that was sorted after all costs only a spool, no merge). The documents of the stopped
 * attempt are all written again (same `_id`s; the writer was flushed in between, so the final
 * content wins): nothing is lost or doubled.
 */
export async function withRestarts<R>(
  context: LoadContext,
  index: string,
  attempt: (sort: boolean, notices: PendingNotices) => Promise<R>,
): Promise<R> {
  for (const sort of [false, true]) {
    const notices = new PendingNotices(
      context.report,
      join(context.tempDir, `notices-${index}-${sort ? 'sorted' : 'streamed'}.ndjson`),
    );
    context.notices.current = notices;
    context.refused[index] = 0;
    try {
      const result = await attempt(sort, notices);
      await context.writer.flush();
      await notices.commit();
      return result;
    } catch (error) {
      if (!(error instanceof OutOfOrder) || sort) throw error;
      await context.writer.flush();
      await notices.discard();
      context.log(`${error.message}: reading again through the external sort`);
    } finally {
      context.notices.current = context.report;
    }
  }
  throw new Error('unreachable: the sorted attempt either returns or throws');
}
