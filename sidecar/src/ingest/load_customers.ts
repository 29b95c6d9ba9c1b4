import type { CustomersMapping } from '../../../common/source_mapping';
import type { RowSource } from '../sources/types';
import { downloadDocument } from './build_documents';
import { groupByKey } from './external_sort';
import { withRestarts, writeDocument, type LoadContext } from './load_context';
import { recordsInKeyOrder, recordsOf, type SourceStream } from './record_streams';
import type { CustomerRecord } from './records';
import { validateCustomer } from './validate_rows';

export interface CustomersLoad {
  written: number;
  duplicates: number;
  inputSorted: boolean;
}

const clientOf = (record: CustomerRecord) => record.client;

/**
 * Customers into the staging `downloads` index, one document per client. Read in client order
 * (streamed when the source is sorted, else through the external sort), so a client's rows are
 * adjacent: the last one wins and the earlier ones are reported as duplicates.
 */
export async function loadCustomers(
  context: LoadContext,
  mapping: CustomersMapping,
  source: RowSource,
): Promise<CustomersLoad> {
  const parse = context.config.parse;
  const stream: SourceStream<CustomerRecord> = {
    role: 'customers',
    source,
    orderBy: mapping.columns.client,
    validate: (row) => validateCustomer(row, mapping, parse),
    keyOf: clientOf,
  };
  const actionNames = mapping.actions.map((action) => action.name);
  const index = context.staging.downloads;
  const result = await withRestarts(context, index, async (sort, notices) => {
    let written = 0;
    let duplicates = 0;
    context.coverage?.startCustomers();
    const customers = await recordsInKeyOrder(stream, context, sort);
    for await (const group of groupByKey(recordsOf(customers.batches), clientOf)) {
      const winner = group.records[group.records.length - 1]!;
      for (let i = 0; i < group.records.length - 1; i += 1) {
        const superseded = group.records[i]!;
        duplicates += 1;
        await notices.add('customers', source.label, superseded.line, [
          {
            field: 'client',
            column: mapping.columns.client,
            value: superseded.client,
            reason: 'duplicate_client',
            message: `client '${superseded.client}' appears again on line ${winner.line}; the later row is kept`,
          },
        ]);
      }
      const json = JSON.stringify(downloadDocument(winner, actionNames));
      await writeDocument(context, index, winner.client, winner.line, json);
      await context.coverage?.addCustomer(winner.client);
      written += 1;
    }
    return { written, duplicates, inputSorted: customers.inputSorted() };
  });
  return {
    written: result.written - (context.refused[index] ?? 0),
    duplicates: result.duplicates,
    inputSorted: result.inputSorted,
  };
}
