import { buildCalendar } from './calendar';
import { buildCatalogue } from './catalogue';
import { dimensionNames, dimensionWeights, drawCustomer, type DemoCustomer } from './customers';
import { resolveDemoOptions, type DemoOptions, type ResolvedDemoOptions } from './options';
import { buildPromotions } from './promotions';
import { cumulativeSums } from './random';
import { generateSessions, type DemoSession, type DemoWorld } from './sessions';

/** A customer with every session it had, in time order (a few hundred at most). */
export interface DemoCustomerBlock {
  customer: DemoCustomer;
  sessions: DemoSession[];
}

export interface DemoGenerator {
  options: ResolvedDemoOptions;
  world: DemoWorld;
  dimensions: { names: string[]; weights: number[] };
  /** Customer profiles only (cheap: no sessions are generated). */
  customers(): Generator<DemoCustomer>;
  /** Customers one by one, each with its sessions; order ids run on across customers. */
  customerBlocks(): Generator<DemoCustomerBlock>;
  /** Every session (with its basket) in order_id order. */
  sessions(): Generator<DemoSession>;
}

/**
 * The synthetic shop. Nothing is generated until iterated, and only one customer's sessions exist
 * at a time, so any size streams in constant memory. Every iteration starts afresh and yields the
 * same values for the same options.
 */
export function generateDemo(input: DemoOptions): DemoGenerator {
  const options = resolveDemoOptions(input);
  const calendar = buildCalendar(options);
  const world: DemoWorld = {
    seed: options.seed,
    calendar,
    catalogue: buildCatalogue(options.seed),
    promotions: buildPromotions(calendar),
  };
  const names = dimensionNames(options.dimensions);
  const weights = dimensionWeights(options.dimensions);
  const dimensions = { names, cumulative: cumulativeSums(weights) };

  function* customers(): Generator<DemoCustomer> {
    for (let index = 0; index < options.customers; index += 1) {
      yield drawCustomer(options.seed, index, calendar, dimensions);
    }
  }
  function* customerBlocks(): Generator<DemoCustomerBlock> {
    let nextSequence = 1;
    for (const customer of customers()) {
      const sessions = generateSessions(world, customer, nextSequence);
      nextSequence += sessions.length;
      yield { customer, sessions };
    }
  }
  function* sessions(): Generator<DemoSession> {
    for (const block of customerBlocks()) yield* block.sessions;
  }
  return { options, world, dimensions: { names, weights }, customers, customerBlocks, sessions };
}
