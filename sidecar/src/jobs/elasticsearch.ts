import { connectElasticsearch, type ElasticsearchHandle } from '../es/elasticsearch';

/** HTTP port of the embedded node every command uses when ES_URL is unset. */
export const DEFAULT_ES_PORT = 9200;

/** The cluster jobs run against: ES_URL, or the embedded node `main` on `esPort`. */
export function connectForJobs(esPort: number = DEFAULT_ES_PORT): Promise<ElasticsearchHandle> {
  return connectElasticsearch({ nodeName: 'main', port: esPort });
}
