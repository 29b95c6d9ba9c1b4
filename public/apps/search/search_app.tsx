import React from 'react';
import { EuiPageTemplate } from '@elastic/eui';
import { useHistory, useLocation } from 'react-router-dom';
import { EntityPage } from './entity_page';
import { SearchBox } from './search_box';
import { entityAppPath, parseEntityPath } from './search_view';

/**
 * The Search app (ANALYSES.md "Search"): `/search` is the search field and its hits,
 * `/search/<type>/<value>` the picked entity's view.
 */
export function SearchApp(): JSX.Element {
  const location = useLocation();
  const history = useHistory();
  const entity = parseEntityPath(location.pathname);
  if (entity) return <EntityPage key={`${entity.type}:${entity.value}`} {...entity} />;
  return (
    <EuiPageTemplate restrictWidth={1000} panelled={false} offset={0} grow>
      <EuiPageTemplate.Header
        pageTitle="Search"
        description="Products, categories, clients, promotions and dimension values: exact matches first, then the closest by shared letters (typos welcome)."
      />
      <EuiPageTemplate.Section>
        <SearchBox
          onPick={(hit) =>
            history.push({ pathname: entityAppPath(hit.type, hit.value), search: location.search })
          }
        />
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
}
