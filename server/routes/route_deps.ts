import type { Logger } from '@kbn/core/server';
import type { IndexNames } from '../../common/indices';

/** What every route group receives from the plugin. */
export interface RouteDeps {
  indices: IndexNames;
  logger: Logger;
}

/**
 * Every route reads with the caller's own credentials (`asCurrentUser`), so Elasticsearch's index
 * privileges decide who may see which reports; Kibana-level authorisation would only duplicate it.
 */
export const DELEGATED_TO_ELASTICSEARCH = {
  authz: {
    enabled: false,
    reason: 'Reads Elasticsearch as the current user; index privileges authorise the request.',
  },
} as const;
