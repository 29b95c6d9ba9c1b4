import { topTermRows } from '../../analyses/products';
import { PURCHASED, sessionsQuery } from '../context';
import { topTerms } from '../queries/products';
import type { ProduceStep, ReportProducer } from './types';

async function topProductsAndCategories(step: ProduceStep): Promise<void> {
  const { run, context } = step;
  const orders = sessionsQuery(context, run.range, [PURCHASED]);
  const terms = await topTerms(run.client, run.names.orders, orders, run.topN);
  step.put('products/top_products', topTermRows(terms.products, run.topN), { top: run.topN });
  step.put('products/top_categories', topTermRows(terms.categories, run.topN), { top: run.topN });
}

/** Top products and categories (aggregations); pairs and daily revenue (baskets of the pass). */
export const productsProducer: ReportProducer = {
  family: 'products',
  stage: 'exploratory',
  reports: {
    'products/top_products': [],
    'products/top_categories': [],
    'products/top_pairs': ['order_pass', 'baskets'],
    'products/daily_revenue': ['order_pass', 'baskets'],
  },
  async produce(step) {
    if (step.selected('products/top_products') || step.selected('products/top_categories')) {
      await topProductsAndCategories(step);
    }
    const { run, inputs } = step;
    if (!run.baskets) return;
    step.put('products/top_pairs', run.baskets.pairs[inputs.slot]!.top(run.topN), {
      top: run.topN,
    });
    step.put('products/daily_revenue', run.baskets.revenue[inputs.slot]!.rows());
  },
};
