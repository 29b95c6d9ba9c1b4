import { customerFunnelHourRows, customerFunnelRows } from '../../analyses/customer_funnel';
import type { CustomerStep } from '../../analyses/customer_funnel';
import type { CustomerTable } from '../../analyses/customer_table';
import type { OrderSequences } from '../../analyses/order_sequences';
import { PeriodIndex } from '../../analyses/periods';
import { hourlyFunnelRows, periodFunnelRows } from '../../analyses/session_funnel';
import { CALENDAR_PERIODS } from './context_inputs';
import type { ProduceStep, ReportProducer } from './types';

const CUSTOMER: readonly ['order_pass', 'customers'] = ['order_pass', 'customers'];

/** The customer funnel's steps for a context: customer events, then first session and order. */
function customerSteps(
  table: CustomerTable,
  customers: Int32Array,
  sequences: OrderSequences,
  slot: number,
): CustomerStep[] {
  const pick = (column: Float64Array) => Float64Array.from(customers, (c) => column[c]!);
  const firstOrder = new Float64Array(table.clients.length).fill(NaN);
  for (let i = 0; i < sequences.customer.length; i++) {
    firstOrder[sequences.customer[i]!] = sequences.timeMs[sequences.offsets[i]!]!;
  }
  return [
    { step: 'download', timeMs: pick(table.downloadMs) },
    { step: 'signup', timeMs: pick(table.signupMs) },
    ...table.actions.map(({ name, timeMs }) => ({ step: name, timeMs: pick(timeMs) })),
    { step: 'first_session', timeMs: pick(table.firstSessionMs[slot]!) },
    { step: 'first_order', timeMs: pick(firstOrder) },
  ];
}

async function sessionFunnels(step: ProduceStep): Promise<void> {
  const { inputs, run } = step;
  const steps = inputs.steps;
  if (step.wants('session_periods')) {
    const buckets = await inputs.sessionPeriods();
    CALENDAR_PERIODS.forEach((period, i) => {
      const rows = periodFunnelRows(buckets[i]!, new PeriodIndex(run.range, period), steps);
      step.put(`funnel/session_${period}`, rows, { steps });
    });
  }
  if (step.wants('session_hours')) {
    const rows = hourlyFunnelRows(await inputs.sessionHours(), inputs.dayCount, steps);
    step.put('funnel/session_hourly', rows, { steps, days: inputs.dayCount });
  }
}

function customerFunnels(step: ProduceStep): void {
  const { inputs, run } = step;
  const table = run.customers;
  const sequences = inputs.sequences();
  const members = inputs.members();
  if (!step.wants('customers') || !table || !sequences || !members) return;
  const funnel = customerSteps(table, members, sequences, inputs.slot);
  const steps = funnel.map((s) => s.step);
  for (const period of CALENDAR_PERIODS) {
    const index = new PeriodIndex(run.range, period);
    step.put(`funnel/customer_${period}`, customerFunnelRows(funnel, index, run.range), { steps });
  }
  step.put('funnel/customer_hourly', customerFunnelHourRows(funnel, run.range, inputs.dayCount), {
    steps,
    days: inputs.dayCount,
  });
}

/** Session funnels (aggregations) and customer funnels (the customer table and the pass). */
export const funnelProducer: ReportProducer = {
  family: 'funnel',
  stage: 'exploratory',
  reports: {
    'funnel/session_daily': ['session_periods'],
    'funnel/session_weekly': ['session_periods'],
    'funnel/session_monthly': ['session_periods'],
    'funnel/session_hourly': ['session_hours'],
    'funnel/customer_daily': CUSTOMER,
    'funnel/customer_weekly': CUSTOMER,
    'funnel/customer_monthly': CUSTOMER,
    'funnel/customer_hourly': CUSTOMER,
  },
  async produce(step) {
    await sessionFunnels(step);
    customerFunnels(step);
  },
};
