import React, { useState, type KeyboardEvent } from 'react';
import { EuiFieldSearch, EuiInputPopover } from '@elastic/eui';
import { useHistory, useLocation } from 'react-router-dom';
import type { SearchHit } from '../../../common/search';
import { SearchHits } from './search_box';
import { entityAppPath, moveHighlight } from './search_view';
import { useSearch } from './use_search';

/**
 * The search bar in every dashboard's header: hits while typing (debounced) in a popover under
 * the field, each with its type and score; arrow keys move the highlight, Enter or a click opens
 * the entity's page in the Search app, keeping the page's dimension.
 */
export function HeaderSearch(): JSX.Element {
  const history = useHistory();
  const location = useLocation();
  const [text, setText] = useState('');
  const [highlight, setHighlight] = useState(-1);
  const state = useSearch(text, undefined);
  const hits = state.status === 'ready' ? state.hits : [];
  const open = (hit: SearchHit) => {
    setText('');
    history.push({ pathname: entityAppPath(hit.type, hit.value), search: location.search });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlight(moveHighlight(highlight, hits.length, event.key));
    } else if (event.key === 'Enter' && hits.length > 0) {
      event.preventDefault();
      open(hits[Math.max(0, highlight)]!);
    } else if (event.key === 'Escape') {
      setText('');
    }
  };
  return (
    <EuiInputPopover
      isOpen={text.trim() !== '' && hits.length > 0}
      closePopover={() => setText('')}
      panelPaddingSize="s"
      style={{ minWidth: 320 }}
      input={
        <EuiFieldSearch
          compressed
          placeholder="Search products, clients, promotions…"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setHighlight(-1);
          }}
          onKeyDown={onKeyDown}
          isLoading={state.status === 'loading'}
          aria-label="Search products, categories, clients, promotions and dimension values"
          data-test-subj="headerSearchField"
        />
      }
    >
      <SearchHits hits={hits} highlight={highlight} onPick={open} />
    </EuiInputPopover>
  );
}
