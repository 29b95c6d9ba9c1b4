/**
 * The standalone host's process, started by the sidecar's `ui` and `start` commands
 * (sidecar/src/cli/ui_launcher.ts) with its options as one JSON argument. The plugin side may use
 * the sidecar's Elasticsearch connection; the sidecar only knows this file's path.
 */
import { closeOnSignals, connectElasticsearch } from '../../sidecar/src/es/elasticsearch';
import { UI_READY_MARK, type UiLaunchRequest } from '../../sidecar/src/cli/ui_launcher';
import { ensurePluginBuilt, startUiHost } from './ui_host';

async function main(request: UiLaunchRequest): Promise<void> {
  const es = await connectElasticsearch({ nodeName: 'main', port: request.esPort });
  closeOnSignals(es);
  if (request.build) ensurePluginBuilt();
  const { url } = await startUiHost(es.client, request);
  if (request.announce === 'start') {
    console.log(`${UI_READY_MARK}${url}`);
    return;
  }
  console.log(`Customer Analytics UI at ${url} (Elasticsearch ${es.url})`);
  console.log('Press Ctrl-C to stop.');
}

main(JSON.parse(process.argv[2] ?? '{}') as UiLaunchRequest).catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
