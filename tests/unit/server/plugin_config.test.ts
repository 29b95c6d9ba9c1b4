import { describe, expect, it } from 'vitest';
import { config } from '../../../server/config';

/** customerAnalytics.* in kibana.yml, validated by the plugin's own schema (stand-in in tests). */
describe('plugin config', () => {
  it('defaults the index prefix and sidecar URL', () => {
    expect(config.schema.validate({}, {}, 'customerAnalytics')).toEqual({
      indexPrefix: 'customer-analytics-',
      sidecarUrl: 'http://localhost:5603',
    });
  });

  it('rejects an index prefix Elasticsearch would refuse, naming the setting', () => {
    expect(() =>
      config.schema.validate({ indexPrefix: 'Shop Data' }, {}, 'customerAnalytics'),
    ).toThrow("[customerAnalytics.indexPrefix]: index prefix 'Shop Data' is invalid");
  });

  it('rejects unknown settings, as Kibana does', () => {
    expect(() => config.schema.validate({ indexPrefx: 'x-' }, {}, 'customerAnalytics')).toThrow(
      '[customerAnalytics.indexPrefx]: definition for this key is missing',
    );
  });
});
