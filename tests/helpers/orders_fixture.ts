import type { Client } from '@elastic/elasticsearch';
import type { DownloadDocument, OrderDocument } from '../../common/documents';
import type { IndexNames } from '../../common/indices';
import { ensureIndices } from '../../sidecar/src/es/templates';

/**
 * Creates the indices under `prefix` and bulk-loads hand-made sessions and customers, refreshed
 * so the next query sees them. Independent of the ingestion code on purpose: analyses tests
 * should fail for analyses bugs only.
 */
export async function loadOrdersFixture(
  client: Client,
  prefix: string,
  data: { orders: OrderDocument[]; downloads: DownloadDocument[] },
): Promise<IndexNames> {
  const names = await ensureIndices(client, { prefix });
  // Hand-made documents give amounts; the integer cents the reports sum are derived as ingest does.
  const orders = data.orders.map((doc) => ({
    ...doc,
    payment_cents: doc.payment_cents ?? Math.round(doc.payment_amount * 100),
    discount_cents: doc.discount_cents ?? Math.round(doc.discount_amount * 100),
    ...(doc.basket
      ? {
          basket: doc.basket.map((line) => ({
            ...line,
            price_cents: line.price_cents ?? Math.round(line.price * 100),
          })),
        }
      : {}),
  }));
  const batches: Array<{ index: string; docs: Array<{ id: string; doc: object }> }> = [
    { index: names.orders, docs: orders.map((doc) => ({ id: doc.session_id, doc })) },
    { index: names.downloads, docs: data.downloads.map((doc) => ({ id: doc.client, doc })) },
  ];
  for (const { index, docs } of batches) {
    for (let start = 0; start < docs.length; start += 5_000) {
      const operations = docs
        .slice(start, start + 5_000)
        .flatMap(({ id, doc }) => [{ index: { _index: index, _id: id } }, doc]);
      const response = await client.bulk({ operations });
      if (response.errors) {
        const failed = response.items.find((item) => item.index?.error)?.index;
        throw new Error(
          `fixture load into ${index} failed: ${failed?._id}: ${failed?.error?.reason}`,
        );
      }
    }
  }
  await client.indices.refresh({ index: [names.orders, names.downloads] });
  return names;
}
