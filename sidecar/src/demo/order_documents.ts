import type { OrderDocument } from '../../../common/documents';
import type { DemoSession } from './sessions';

/**
 * A generated session as the `orders` document ingest would build from the CSV rows (used by the
 * bulk benchmark and tests that skip the CSV round trip).
 */
export function toOrderDocument(session: DemoSession): OrderDocument {
  return {
    session_id: session.order_id,
    client: session.client,
    session_start: session.session_start,
    session_end: session.session_end,
    purchased: session.purchased,
    payment_amount: session.payment_amount,
    discount_amount: session.discount_amount,
    payment_cents: Math.round(session.payment_amount * 100),
    discount_cents: Math.round(session.discount_amount * 100),
    promotion_id: session.promotion_id,
    dimension: session.dimension,
    actions: {
      has_sessions: true,
      purchased: session.purchased,
      has_basket: session.has_basket,
      order_screen: session.order_screen,
    },
    basket: session.basket.map((line) => ({
      product: line.product,
      category: line.category,
      price: line.price,
      price_cents: Math.round(line.price * 100),
      quantity: line.quantity,
    })),
    basket_size: session.basket.length,
  };
}
