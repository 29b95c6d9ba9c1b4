import { firstUseWindows } from '../../ml/abtest/first_use';
import { DEFAULT_AB_SETTINGS, type AbSettings } from '../../ml/abtest/paired_outcome';
import {
  productRows,
  promotionPairRows,
  promotionRows,
  segmentChangeRows,
} from '../../ml/abtest/reports';
import { DEFAULT_SEGMENTATION } from '../../ml/segmentation/segment_slice';
import type { ProduceStep, ReportProducer } from './types';

/** W of ANALYSES.md "Promotion / product before–after". */
export const DEFAULT_WINDOW_DAYS = 7;

/** Products come from basket lines, which the pass reads only when a report needs `baskets`. */
const FIRST_USE = ['order_pass', 'baskets'] as const;

/** A/B tests (ANALYSES.md "A/B tests"), after the segments stage whose segmentation they reuse. */
export const abtestsProducer: ReportProducer = {
  family: 'abtests',
  stage: 'abtests',
  after: ['segments'],
  reports: {
    'abtests/promotions': FIRST_USE,
    'abtests/products': FIRST_USE,
    'abtests/promotion_pairs': FIRST_USE,
    'abtests/segment_change': ['order_pass'],
  },
  async produce(step: ProduceStep) {
    const { run, context } = step;
    const pass = run.pass;
    const sequences = step.inputs.sequences();
    if (!pass || !sequences) return;
    const settings: AbSettings = DEFAULT_AB_SETTINGS;
    const windowDays = DEFAULT_WINDOW_DAYS;
    const params = {
      ...step.inputs.baseParams,
      window_days: windowDays,
      seed: settings.seed,
      resamples: settings.resamples,
      view_resamples: settings.viewResamples,
      alpha: settings.alpha,
      min_customers: settings.minCustomers,
    };
    const d = context.dimensionIndex;
    if (step.selected('abtests/promotions') || step.selected('abtests/promotion_pairs')) {
      const windows = firstUseWindows(pass, 'promotion', d, run.range, windowDays);
      if (step.selected('abtests/promotions')) {
        step.put('abtests/promotions', promotionRows(windows, settings), params);
      }
      if (step.selected('abtests/promotion_pairs')) {
        step.put('abtests/promotion_pairs', promotionPairRows(windows, settings), params);
      }
    }
    if (step.selected('abtests/products')) {
      const windows = firstUseWindows(pass, 'product', d, run.range, windowDays);
      step.put('abtests/products', productRows(windows, settings), params);
    }
    if (step.selected('abtests/segment_change')) {
      const rows = segmentChangeRows(sequences, run.range.nowMs, DEFAULT_SEGMENTATION, settings);
      step.put('abtests/segment_change', rows, {
        ...params,
        scheme: 'kmeans',
        compared_periods: 4,
      });
    }
  },
};
