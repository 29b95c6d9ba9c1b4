import { useCallback } from 'react';
import { useHistory, useLocation } from 'react-router-dom';
import { ALL_DIMENSIONS } from '../../common/documents';

/** The selected dimension lives in the URL (`?dimension=`), so links and reloads keep it. */
export function useDimensionParam(): [string, (dimension: string) => void] {
  const location = useLocation();
  const history = useHistory();
  const dimension = new URLSearchParams(location.search).get('dimension') || ALL_DIMENSIONS;

  const setDimension = useCallback(
    (next: string) => {
      const search = new URLSearchParams(location.search);
      if (next === ALL_DIMENSIONS) search.delete('dimension');
      else search.set('dimension', next);
      const query = search.toString();
      history.push({ pathname: location.pathname, search: query ? `?${query}` : '' });
    },
    [history, location.pathname, location.search],
  );

  return [dimension, setDimension];
}
