/** The demo data generator: a seeded synthetic shop with planted, documented facts. */
export { generateDemo } from './generator';
export type { DemoCustomerBlock, DemoGenerator } from './generator';
export type { DemoCustomer, CustomerLatent } from './customers';
export type { DemoSession, DemoBasketLine, DemoWorld } from './sessions';
export type { DemoOptions, ResolvedDemoOptions } from './options';
export { DemoTally } from './tally';
export { buildGroundTruth, type GroundTruth } from './ground_truth';
export { writeDemoFiles, type DemoFilesResult } from './write_files';
export { toOrderDocument } from './order_documents';
export { DEMO_PARAMETERS } from './parameters';
export { PROMO_LIFT, PROMO_NULL } from './promotions';
export {
  SESSIONS_HEADER,
  CUSTOMERS_HEADER,
  PRODUCTS_HEADER,
  sessionRow,
  customerRow,
  productRows,
} from './csv_rows';
