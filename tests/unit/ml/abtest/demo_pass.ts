import { OrderItemsBuilder } from '../../../../sidecar/src/analyses/order_items';
import {
  PassOrdersBuilder,
  type PassOrders,
} from '../../../../sidecar/src/analyses/order_sequences';
import type { TimeRange } from '../../../../sidecar/src/analyses/periods';
import { generateDemo } from '../../../../sidecar/src/demo';

/**
 * The demo generator's purchased sessions as the order pass would hold them (customer blocks are
 * already grouped by client and in time order), without Elasticsearch: the planted effects can be
 * checked on the pure A/B functions.
 */
export function demoPass(options: { customers: number; days: number; seed: number }): {
  pass: PassOrders;
  range: TimeRange;
  dimensions: string[];
} {
  const generator = generateDemo(options);
  const builder = new PassOrdersBuilder();
  const items = new OrderItemsBuilder();
  const dimensions: string[] = [];
  let customer = 0;
  for (const block of generator.customerBlocks()) {
    let any = false;
    for (const session of block.sessions) {
      if (!session.purchased) continue;
      let d = dimensions.indexOf(session.dimension);
      if (d < 0) d = dimensions.push(session.dimension) - 1;
      builder.add(customer, session.startMs, session.payment_amount, d);
      items.add(session.promotion_id, session.basket);
      any = true;
    }
    if (any) customer++;
  }
  return {
    pass: { ...builder.build(), items: items.build() },
    range: { fromMs: generator.options.startMs, nowMs: generator.options.endMs - 1000 },
    dimensions,
  };
}
