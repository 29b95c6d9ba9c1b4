import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { FastifyInstance } from 'fastify';
import type { OrderDocument } from '../../../common/documents';
import { indexNames } from '../../../common/indices';
import type { EntityChart, EntityResponse } from '../../../common/search';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { startTestHost } from '../../helpers/host';
import { loadOrdersFixture } from '../../helpers/orders_fixture';
import { randomFixture } from '../analyses/fixture_data';

const fixture = randomFixture(11);
const orders = fixture.orders.filter((o) => o.purchased);
const cents = (amount: number) => Math.round(amount * 100);
const day = (o: OrderDocument) => o.session_start.slice(0, 10);

/** Brute force over the fixture: what a view of these orders must say. */
function expected(selected: OrderDocument[]) {
  const perDay = new Map<string, OrderDocument[]>();
  for (const o of selected) perDay.set(day(o), [...(perDay.get(day(o)) ?? []), o]);
  return {
    orders: selected.length,
    revenue: selected.reduce((s, o) => s + cents(o.payment_amount), 0) / 100,
    discount: selected.reduce((s, o) => s + cents(o.discount_amount), 0) / 100,
    customers: new Set(selected.map((o) => o.client)).size,
    perDay,
  };
}

function kpis(view: EntityResponse): Record<string, number | null> {
  return Object.fromEntries(view.kpis.map((k) => [k.id, k.value]));
}

/** A chart's non-zero days, as the brute force lists only days with orders. */
function chartDays(view: EntityResponse, id: string): Record<string, number | null> {
  const found = view.charts.find((c: EntityChart) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return Object.fromEntries(
    found.points.filter((p) => p.value !== 0).map((p) => [p.period, p.value]),
  );
}

describe('GET entity/{type}/{value}: live views equal a brute force over the fixture', () => {
  const prefix = testPrefix('entity-views');
  let client: Client;
  let app: FastifyInstance;
  const view = async (path: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/customer_analytics/entity/${path}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as EntityResponse;
  };

  beforeAll(async () => {
    client = testClient();
    await loadOrdersFixture(client, prefix, fixture);
    app = await startTestHost(client, prefix);
  });

  afterAll(async () => {
    await app?.close();
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('product: orders holding it, line revenue, customers, units per customer, daily series', async () => {
    const holding = orders.filter((o) => o.basket!.some((l) => l.product === 'cheese'));
    const lines = holding.flatMap((o) =>
      o.basket!.filter((l) => l.product === 'cheese').map((l) => ({ o, l })),
    );
    const revenueCents = lines.reduce((s, { l }) => s + cents(l.price) * l.quantity, 0);
    const units = lines.reduce((s, { l }) => s + l.quantity, 0);
    const { customers, perDay } = expected(holding);
    const got = await view('product/cheese');
    expect(got.found).toBe(true);
    expect(kpis(got)).toEqual({
      orders: holding.length,
      revenue: revenueCents / 100,
      customers,
      units_per_customer: units / customers,
    });
    const dailyUnits = Object.fromEntries(
      [...perDay].map(([d, os]) => [
        d,
        os
          .flatMap((o) => o.basket!)
          .filter((l) => l.product === 'cheese')
          .reduce((s, l) => s + l.quantity, 0),
      ]),
    );
    expect(chartDays(got, 'daily_units')).toEqual(dailyUnits);
    expect(chartDays(got, 'daily_orders')).toEqual(
      Object.fromEntries([...perDay].map(([d, os]) => [d, os.length])),
    );
    expect(got.ab).toMatchObject({ available: false });
  });

  it('promotion in one dimension: KPIs, daily inorganic ratio, revenue and discount', async () => {
    const north = orders.filter((o) => o.dimension === 'north');
    const promoted = north.filter((o) => o.promotion_id === 'SPRING');
    const want = expected(promoted);
    const got = await view('promotion/SPRING?dimension=north');
    expect(kpis(got)).toEqual({
      orders: want.orders,
      revenue: want.revenue,
      discount: want.discount,
      customers: want.customers,
    });
    const ratioChart = got.charts.find((c) => c.id === 'daily_inorganic_ratio')!;
    // A day without any order in the promotion's span has no ratio (null), not 0.
    for (const point of ratioChart.points.filter((p) => p.value === null)) {
      expect(
        north.some((o) => day(o) === point.period),
        point.period,
      ).toBe(false);
    }
    const ratio = Object.fromEntries(
      ratioChart.points.filter((p) => p.value).map((p) => [p.period, p.value]),
    );
    for (const [d, os] of want.perDay) {
      expect(ratio[d], d).toBeCloseTo(os.length / north.filter((o) => day(o) === d).length, 12);
    }
    expect(Object.keys(ratio).sort()).toEqual([...want.perDay.keys()].sort());
    expect(chartDays(got, 'daily_discount')).toEqual(
      Object.fromEntries([...want.perDay].map(([d, os]) => [d, expected(os).discount])),
    );
  });

  it('dimension value: KPIs and daily distinct customers', async () => {
    const want = expected(orders.filter((o) => o.dimension === 'south'));
    const got = await view('dimension/south');
    expect(kpis(got)).toEqual({
      orders: want.orders,
      revenue: want.revenue,
      discount: want.discount,
      customers: want.customers,
    });
    expect(chartDays(got, 'daily_customers')).toEqual(
      Object.fromEntries(
        [...want.perDay].map(([d, os]) => [d, new Set(os.map((o) => o.client)).size]),
      ),
    );
  });

  it('client: KPIs, order history newest first, and no profile before the segments stage', async () => {
    const counts = new Map<string, number>();
    for (const o of orders) counts.set(o.client, (counts.get(o.client) ?? 0) + 1);
    const [name] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const mine = orders.filter((o) => o.client === name);
    const want = expected(mine);
    const got = await view(`client/${name}`);
    const starts = mine.map((o) => Date.parse(o.session_start)).sort((a, b) => a - b);
    expect(kpis(got)).toEqual({
      orders: want.orders,
      revenue: want.revenue,
      discount: want.discount,
      first_order: starts[0],
      last_order: starts[starts.length - 1],
    });
    expect(got.history!.total).toBe(mine.length);
    expect(got.history!.orders.map((o) => o.session_id)).toEqual(
      [...mine]
        .sort(
          (a, b) =>
            b.session_start.localeCompare(a.session_start) ||
            a.session_id.localeCompare(b.session_id),
        )
        .slice(0, 20)
        .map((o) => o.session_id),
    );
    expect(got.profile).toMatchObject({ available: false });
    expect(got.clv).toMatchObject({ available: false });
  });

  it("client: the RFM profile and the clv stage's prediction fields once they are written", async () => {
    const name = orders[0]!.client;
    const clv = {
      clv_predicted_value: 123.45,
      clv_expected_orders: 2.5,
      clv_p_alive: 0.8,
      clv_model: 'bg_nbd_gamma_gamma',
      clv_made_on: '2025-03-01',
    };
    await client.index({
      index: indexNames(prefix).customers,
      refresh: true,
      document: {
        client: name,
        dimension: 'all',
        recency_days: 3,
        frequency_days: 10,
        monetary: 50,
        segment: 'Champions',
        quintile_segment: '555',
        churned: false,
        ...clv,
      },
    });
    const got = await view(`client/${name}`);
    expect(got.profile).toEqual({
      available: true,
      data: {
        recency_days: 3,
        frequency_days: 10,
        monetary: 50,
        segment: 'Champions',
        quintile_segment: '555',
        churned: false,
      },
    });
    expect(got.clv).toEqual({ available: true, data: clv });
  });

  it('an unknown value is a view with found: false; a bad type or value is a 400', async () => {
    const got = await view('product/no-such-product');
    expect(got).toMatchObject({ found: false, kpis: expect.any(Array) });
    expect(kpis(got).orders).toBe(0);
    for (const url of ['entity/shop/x', 'entity/client/a%01b', 'entity/client/x?page=-1']) {
      const response = await app.inject({ method: 'GET', url: `/api/customer_analytics/${url}` });
      expect(response.statusCode, url).toBe(400);
      expect(response.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
  });
});
