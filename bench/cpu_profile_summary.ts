/**
 * Where an ingest's time goes, from a V8 CPU profile (`bench/ingest.ts --cpu-prof <dir>`): every
 * sample is attributed to the nearest frame on its stack that belongs to a stage of the ingest
 * (self first, then its callers), so a Buffer.write called by the bulk writer counts as the bulk
 * writer's. `(idle)` is the main thread waiting: for Elasticsearch, since nothing else runs.
 *
 *   npx tsx bench/cpu_profile_summary.ts /tmp/prof/CPU.*.cpuprofile
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

type Test = (url: string, name: string) => boolean;
const STAGES: Array<[string, Test]> = [
  ['idle (waiting for Elasticsearch)', (_, name) => name === '(idle)'],
  ['garbage collection', (_, name) => name === '(garbage collector)'],
  ['startup (loading, transpiling)', (url) => /tsx|esbuild|modules\/(esm|cjs)|bootstrap/.test(url)],
  ['CSV reading and splitting', (url) => /sources\/|csv-parse/.test(url)],
  [
    'validation and value parsing',
    (url) => /validate_rows|field_reader|parse_values|parse_dates|keyword_limits/.test(url),
  ],
  ['document JSON building', (url) => /build_documents/.test(url)],
  [
    'join, sort, record streams',
    (url) =>
      /basket_join|load_orders|load_customers|record_streams|external_sort|missing_clients|load_context/.test(
        url,
      ),
  ],
  [
    'bulk writer (buffers, HTTP)',
    (url) => /bulk_writer|undici|elastic|node:buffer|node:net|node:http|node:stream/.test(url),
  ],
];
const OTHER = 'other (native I/O, microtasks)';

function summarise(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const stageOf = new Map<number, string>();
  const classify = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      const stage = STAGES.find(([, test]) => test(frame.url, frame.functionName));
      if (stage) return stage[0];
    }
    return OTHER;
  };
  const seconds = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    let stage = stageOf.get(id);
    if (stage === undefined) stageOf.set(id, (stage = classify(id)));
    seconds.set(stage, (seconds.get(stage) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1e6);
  });
  return seconds;
}

for (const file of process.argv.slice(2)) {
  const seconds = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const total = [...seconds.values()].reduce((sum, value) => sum + value, 0);
  const busy = total - (seconds.get(STAGES[0]![0]) ?? 0);
  const stages = Object.fromEntries(
    [...seconds]
      .sort((a, b) => b[1] - a[1])
      .map(([stage, value]) => [stage, Math.round(value * 100) / 100]),
  );
  const round = (value: number) => Math.round(value * 10) / 10;
  console.log(JSON.stringify({ file, seconds: round(total), busy_seconds: round(busy), stages }));
}
