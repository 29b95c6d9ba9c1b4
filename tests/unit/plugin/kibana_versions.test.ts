import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KIBANA_VERSIONS,
  parseKibanaVersions,
} from '../../../plugin/build/kibana_versions';
import { readManifest } from '../../../plugin/build/package_zip';

describe('--kibana-version', () => {
  it('takes repeated flags, = forms and comma lists, in order, without duplicates', () => {
    expect(
      parseKibanaVersions([
        '--force',
        '--kibana-version',
        '9.4.2',
        '--kibana-version=9.5.5,9.0.0',
        '--kibana-version',
        '9.4.2, 9.5.4',
      ]),
    ).toEqual(['9.4.2', '9.5.5', '9.0.0', '9.5.4']);
  });

  it('defaults to every 9.4 and 9.5 release, the pinned kibana.json version included', () => {
    expect(parseKibanaVersions(['--force'])).toEqual([
      '9.4.0',
      '9.4.1',
      '9.4.2',
      '9.4.3',
      '9.4.4',
      '9.4.5',
      '9.4.6',
      '9.4.7',
      '9.4.8',
      '9.4.9',
      '9.5.0',
      '9.5.1',
      '9.5.2',
      '9.5.3',
      '9.5.4',
    ]);
    expect(DEFAULT_KIBANA_VERSIONS).toContain(readManifest().kibanaVersion);
  });

  it('refuses what Kibana could never match exactly, naming the value', () => {
    expect(() => parseKibanaVersions(['--kibana-version', '9.5'])).toThrow(
      "--kibana-version '9.5': expected a Kibana 9.x release as major.minor.patch, e.g. 9.5.4",
    );
    expect(() => parseKibanaVersions(['--kibana-version=8.19.3'])).toThrow("'8.19.3'");
    expect(() => parseKibanaVersions(['--kibana-version', '9.5.x'])).toThrow("'9.5.x'");
    expect(() => parseKibanaVersions(['--kibana-version'])).toThrow(
      '--kibana-version needs a value',
    );
    expect(() => parseKibanaVersions(['--kibana-version', '--force'])).toThrow(
      '--kibana-version needs a value',
    );
  });
});
