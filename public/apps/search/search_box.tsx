import React, { useState, type KeyboardEvent } from 'react';
import {
  EuiBadge,
  EuiCallOut,
  EuiFieldSearch,
  EuiFlexGroup,
  EuiFlexItem,
  EuiListGroup,
  EuiListGroupItem,
  EuiSelect,
  EuiSpacer,
  EuiText,
} from '@elastic/eui';
import { SEARCH_TYPES, type SearchHit, type SearchType } from '../../../common/search';
import { TYPE_COLORS, TYPE_LABELS, formatScore, moveHighlight } from './search_view';
import { useSearch } from './use_search';

interface SearchBoxProps {
  onPick: (hit: SearchHit) => void;
}

/**
 * A search field over products, categories, clients, promotions and dimension values: hits come
 * while typing (debounced), each with its type and score; arrow keys move the highlight and Enter
 * opens the highlighted hit.
 */
export function SearchBox({ onPick }: SearchBoxProps): JSX.Element {
  const [text, setText] = useState('');
  const [type, setType] = useState<SearchType | ''>('');
  const [highlight, setHighlight] = useState(-1);
  const state = useSearch(text, type || undefined);
  const hits = state.status === 'ready' ? state.hits : [];
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlight(moveHighlight(highlight, hits.length, event.key));
    } else if (event.key === 'Enter' && hits.length > 0) {
      event.preventDefault();
      onPick(hits[Math.max(0, highlight)]!);
    }
  };
  return (
    <>
      <EuiFlexGroup gutterSize="s" responsive={false}>
        <EuiFlexItem>
          <EuiFieldSearch
            fullWidth
            autoFocus
            placeholder="Part of a product name, a client id, a promotion code…"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setHighlight(-1);
            }}
            onKeyDown={onKeyDown}
            isLoading={state.status === 'loading'}
            aria-label="Search products, categories, clients, promotions and dimension values"
            aria-controls="searchHits"
            data-test-subj="searchField"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false} style={{ minWidth: 180 }}>
          <EuiSelect
            aria-label="Only this type"
            options={[
              { value: '', text: 'Every type' },
              ...SEARCH_TYPES.map((t) => ({ value: t, text: TYPE_LABELS[t] })),
            ]}
            value={type}
            onChange={(e) => setType(e.target.value as SearchType | '')}
            data-test-subj="searchType"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {state.status === 'error' ? (
        <EuiCallOut color="danger" title="Search failed" data-test-subj="searchError">
          <p>{state.message}</p>
        </EuiCallOut>
      ) : state.status === 'ready' && hits.length === 0 ? (
        <EuiText color="subdued" data-test-subj="searchNoHits">
          <p>Nothing matches “{state.query}”. Values appear after the next analyses run.</p>
        </EuiText>
      ) : (
        <SearchHits hits={hits} highlight={highlight} onPick={onPick} />
      )}
    </>
  );
}

export function SearchHits({
  hits,
  highlight,
  onPick,
}: {
  hits: SearchHit[];
  highlight: number;
  onPick: (hit: SearchHit) => void;
}): JSX.Element {
  return (
    <EuiListGroup id="searchHits" bordered maxWidth={false} data-test-subj="searchHits">
      {hits.map((hit, i) => (
        <EuiListGroupItem
          key={`${hit.type}:${hit.value}`}
          isActive={i === highlight}
          onClick={() => onPick(hit)}
          data-test-subj={`searchHit-${hit.type}`}
          label={
            <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
              <EuiFlexItem grow={false}>
                <EuiBadge color={TYPE_COLORS[hit.type]}>{TYPE_LABELS[hit.type]}</EuiBadge>
              </EuiFlexItem>
              <EuiFlexItem>
                <span data-test-subj="searchHitValue">{hit.value}</span>
              </EuiFlexItem>
              <EuiFlexItem grow={false}>
                <EuiText size="xs" color="subdued">
                  {hit.exact ? 'exact' : `similarity ${formatScore(hit.score)}`}
                </EuiText>
              </EuiFlexItem>
            </EuiFlexGroup>
          }
        />
      ))}
    </EuiListGroup>
  );
}
