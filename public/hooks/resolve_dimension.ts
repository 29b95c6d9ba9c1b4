import { ALL_DIMENSIONS } from '../../common/documents';

/** The dimension list as the filter knows it. */
export interface DimensionsState {
  dimensions: string[];
  loading: boolean;
  /** The list could not be loaded: the URL's value cannot be checked. */
  failed: boolean;
}

export type ResolvedDimension =
  /** Not known yet whether the URL's value exists: render nothing that would fetch it. */
  | { status: 'checking' }
  /** `unknown` is the URL's value when it is not in the latest run (then `dimension` is `all`). */
  | { status: 'resolved'; dimension: string; unknown: string | null };

/**
 * What the dashboard shows for the URL's `?dimension=`: `all` at once; another value once the
 * dimension list confirms it, or `all` with the value reported as unknown (a stale link, a typo).
 * If the list itself failed, the value is trusted: the panels then say what they find.
 */
export function resolveDimension(requested: string, state: DimensionsState): ResolvedDimension {
  if (requested === ALL_DIMENSIONS) {
    return { status: 'resolved', dimension: ALL_DIMENSIONS, unknown: null };
  }
  if (state.loading) return { status: 'checking' };
  if (state.failed || state.dimensions.includes(requested)) {
    return { status: 'resolved', dimension: requested, unknown: null };
  }
  return { status: 'resolved', dimension: ALL_DIMENSIONS, unknown: requested };
}

/** The one line shown when the URL names a dimension the latest run does not have. */
export function unknownDimensionTitle(unknown: string): string {
  return `No dimension '${unknown}' in the latest run — showing all`;
}

/**
 * The filter's choices: the list, never a value from the URL it lacks; only when the list could
 * not be loaded does the (then unchecked) selected value appear beside `all`.
 */
export function dimensionOptions(state: DimensionsState, selected: string): string[] {
  return state.failed && !state.dimensions.includes(selected)
    ? [...state.dimensions, selected]
    : state.dimensions;
}
