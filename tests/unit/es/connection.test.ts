import { describe, expect, it } from 'vitest';
import { connectionFromEnv } from '../../../sidecar/src/es/connection';

describe('connectionFromEnv', () => {
  it('is null without ES_URL, so the embedded node is started', () => {
    expect(connectionFromEnv({})).toBeNull();
    expect(connectionFromEnv({ ES_URL: '  ' })).toBeNull();
  });

  it('reads URL, API key and CA file', () => {
    expect(
      connectionFromEnv({ ES_URL: 'https://es:9200', ES_API_KEY: 'k', ES_CA_FILE: '/ca.pem' }),
    ).toEqual({
      url: 'https://es:9200',
      apiKey: 'k',
      username: undefined,
      password: undefined,
      caFile: '/ca.pem',
    });
  });

  it('rejects a value that is not a URL', () => {
    expect(() => connectionFromEnv({ ES_URL: 'localhost9200' })).toThrow(
      "ES_URL 'localhost9200' is not a URL",
    );
  });
});
