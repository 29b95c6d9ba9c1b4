/**
 * Which Kibana versions the build packages the plugin for. Kibana installs a third-party plugin
 * only when the manifest's `kibanaVersion` equals its own version exactly, so each version needs
 * its own zip; the code inside is the same.
 */

/** Last patch release known per 9.x minor that the default build covers (every patch from .0). */
const DEFAULT_MINOR_RELEASES = { '9.4': 9, '9.5': 4 } as const;

/**
 * Every 9.4 and 9.5 release: 9.4.0–9.4.9 (9.4.9 is Kibana's newest 9.4 tag we could confirm) and
 * 9.5.0–9.5.4 (9.5.4 is the pinned version in kibana.json, the one the e2e tests mirror).
 * Elastic numbers patch releases without gaps. Other versions: `--kibana-version`.
 */
export const DEFAULT_KIBANA_VERSIONS: readonly string[] = Object.entries(
  DEFAULT_MINOR_RELEASES,
).flatMap(([minor, lastPatch]) =>
  Array.from({ length: lastPatch + 1 }, (_, patch) => `${minor}.${patch}`),
);

const KIBANA_9_VERSION = /^9\.\d+\.\d+$/;
const FLAG = '--kibana-version';

export class KibanaVersionError extends Error {}

function checkVersion(value: string): string {
  if (!KIBANA_9_VERSION.test(value)) {
    throw new KibanaVersionError(
      `${FLAG} '${value}': expected a Kibana 9.x release as major.minor.patch, e.g. 9.5.4 ` +
        '(Kibana compares the whole version, so 9.5 or 9.5.x cannot match)',
    );
  }
  return value;
}

/**
 * The versions named on the command line: `--kibana-version 9.4.2`, `--kibana-version=9.4.2`,
 * repeated, or comma lists (`--kibana-version 9.4.2,9.5.5`); in the order given, duplicates
 * dropped. Without the flag: DEFAULT_KIBANA_VERSIONS.
 */
export function parseKibanaVersions(args: readonly string[]): string[] {
  const named: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    let value: string | undefined;
    if (arg === FLAG) {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new KibanaVersionError(`${FLAG} needs a value, e.g. ${FLAG} 9.5.4`);
      }
      i += 1;
    } else if (arg.startsWith(`${FLAG}=`)) {
      value = arg.slice(FLAG.length + 1);
    } else {
      continue;
    }
    named.push(...value.split(',').map((part) => checkVersion(part.trim())));
  }
  return named.length === 0 ? [...DEFAULT_KIBANA_VERSIONS] : [...new Set(named)];
}
