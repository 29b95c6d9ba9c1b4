import { describe, expect, it } from 'vitest';
import {
  dimensionOptions,
  resolveDimension,
  unknownDimensionTitle,
  type DimensionsState,
} from '../../../public/hooks/resolve_dimension';
import { annotationsLabel } from '../../../public/components/annotations/chart_annotations';

const LOADING: DimensionsState = { dimensions: ['all'], loading: true, failed: false };
const LOADED: DimensionsState = {
  dimensions: ['all', 'north', 'south'],
  loading: false,
  failed: false,
};
const FAILED: DimensionsState = { dimensions: ['all'], loading: false, failed: true };

describe('the dimension a dashboard shows for ?dimension=', () => {
  it('all is shown at once, even before the list arrives', () => {
    expect(resolveDimension('all', LOADING)).toEqual({
      status: 'resolved',
      dimension: 'all',
      unknown: null,
    });
  });

  it('another value waits for the list (nothing is fetched for it yet)', () => {
    expect(resolveDimension('north', LOADING)).toEqual({ status: 'checking' });
  });

  it('a value of the latest run is shown', () => {
    expect(resolveDimension('north', LOADED)).toEqual({
      status: 'resolved',
      dimension: 'north',
      unknown: null,
    });
  });

  it('a value the latest run lacks shows all and is reported as unknown', () => {
    expect(resolveDimension('nope', LOADED)).toEqual({
      status: 'resolved',
      dimension: 'all',
      unknown: 'nope',
    });
    expect(unknownDimensionTitle('nope')).toBe(
      "No dimension 'nope' in the latest run — showing all",
    );
  });

  it('matching is exact: case and blanks matter, as in the stored keyword', () => {
    expect(resolveDimension('North', LOADED)).toMatchObject({ dimension: 'all', unknown: 'North' });
    expect(resolveDimension('north ', LOADED)).toMatchObject({
      dimension: 'all',
      unknown: 'north ',
    });
  });

  it('when the list failed to load, the value is trusted rather than silently replaced', () => {
    expect(resolveDimension('north', FAILED)).toEqual({
      status: 'resolved',
      dimension: 'north',
      unknown: null,
    });
  });
});

describe('the dimension filter’s choices', () => {
  it('are the list itself: an unknown value from the URL is never added', () => {
    expect(dimensionOptions(LOADED, 'all')).toEqual(['all', 'north', 'south']);
    expect(dimensionOptions(LOADED, 'nope')).toEqual(['all', 'north', 'south']);
  });

  it('only an unchecked value (the list failed) is offered beside all', () => {
    expect(dimensionOptions(FAILED, 'north')).toEqual(['all', 'north']);
  });
});

describe('the Comments toggle label', () => {
  it('counts when loaded, shows … only while loading, and stops waiting on an error', () => {
    expect(annotationsLabel({ status: 'ready', annotations: [], currentUser: 'local' })).toBe(
      'Comments (0)',
    );
    expect(annotationsLabel({ status: 'loading' })).toBe('Comments (…)');
    expect(annotationsLabel({ status: 'error', message: 'down' })).toBe('Comments');
  });
});
