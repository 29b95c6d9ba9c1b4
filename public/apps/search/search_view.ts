import { SEARCH_TYPES, type SearchType } from '../../../common/search';

export const TYPE_LABELS: Record<SearchType, string> = {
  product: 'Product',
  category: 'Category',
  client: 'Client',
  promotion: 'Promotion',
  dimension: 'Dimension value',
};

/** EUI badge colours per type, so a list of mixed hits reads at a glance. */
export const TYPE_COLORS: Record<SearchType, string> = {
  product: '#6092C0',
  category: '#54B399',
  client: '#D6BF57',
  promotion: '#E7664C',
  dimension: '#B9A888',
};

/** The app path of an entity's view (inside the plugin's router: no base path). */
export function entityAppPath(type: SearchType, value: string): string {
  return `/search/${type}/${encodeURIComponent(value)}`;
}

/** `/search/<type>/<value>` back to its parts; null for the search page itself or a bad type. */
export function parseEntityPath(pathname: string): { type: SearchType; value: string } | null {
  const match = /^\/search\/([^/]+)\/(.+)$/.exec(pathname);
  if (!match) return null;
  const type = match[1] as SearchType;
  if (!SEARCH_TYPES.includes(type)) return null;
  try {
    return { type, value: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}

/** The next highlighted hit for an arrow key, wrapping at both ends; -1 when there are none. */
export function moveHighlight(
  current: number,
  count: number,
  key: 'ArrowDown' | 'ArrowUp',
): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return current + 1 >= count ? 0 : current + 1;
  return current <= 0 ? count - 1 : current - 1;
}

/** A Dice score as a percentage with no decimals: `87%`. */
export function formatScore(score: number): string {
  return `${Math.round(score * 100)}%`;
}
