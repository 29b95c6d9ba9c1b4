/**
 * Validated rows, as spooled to disk between the read pass and the write pass. Dates are UTC
 * milliseconds; `line` points back at the source row for error reports.
 */
export interface SessionRecord {
  order_id: string;
  client: string;
  start: number;
  end: number | null;
  purchased: boolean;
  amount: number;
  discount: number;
  promotion_id: string | null;
  dimension: string | null;
  /** One flag per configured action, in funnel order (null: not given, stored as false). */
  actions: Array<boolean | null>;
  line: number;
}

export interface CustomerRecord {
  client: string;
  download: number;
  signup: number | null;
  /** One date per configured customer action, in funnel order. */
  actions: Array<number | null>;
  line: number;
}

export interface ProductRecord {
  order_id: string;
  product: string;
  category: string;
  price: number;
  quantity: number;
  line: number;
}

/** One invoice line of order-lines-only data. */
export interface OrderLineRecord {
  invoice: string;
  product: string;
  category: string;
  quantity: number;
  price: number;
  date: number;
  customer: string;
  dimension: string | null;
  line: number;
}

export type SourceRole = 'sessions' | 'customers' | 'products' | 'order_lines';

/** Every reason a row is refused or set aside; the summary counts rows by these. */
export const REJECT_REASONS = [
  'missing_value',
  'invalid_date',
  'invalid_number',
  'invalid_boolean',
  'negative_amount',
  'invalid_quantity',
  'end_before_start',
  /** A keyword longer than Elasticsearch indexes (Lucene's term limit, `ignore_above`, `_id`). */
  'value_too_long',
  /** A products line whose order_id matches no session: most often a mapping mistake. */
  'unmatched_product',
  /** Refused by Elasticsearch itself (`_bulk` item error), mapped back to its source line. */
  'bulk_rejected',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Not errors of the data, but rows that are not indexed as they are; reported, not gating. */
export type NoticeReason =
  'duplicate_order_id' | 'duplicate_client' | 'cancellation' | 'missing_customer';

export type ReportReason = RejectReason | NoticeReason;

export interface RowProblem {
  field: string;
  column: string | null;
  value: string | null;
  reason: ReportReason;
  message: string;
  /** Set when `value` was cut to an excerpt: the original length in characters. */
  value_length?: number;
  /** Set when `message` was cut: its original length in characters. */
  message_length?: number;
}
