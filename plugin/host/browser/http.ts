import type { HttpFetchOptions, HttpSetup, IHttpFetchError } from '@kbn/core/public';

/**
 * `core.http` over the host's own routes: JSON in and out, Kibana's headers, and Kibana's error
 * shape (an Error carrying `response` and the parsed `body`) for non-2xx answers.
 */
export function createHttp(basePath = ''): HttpSetup {
  const fetchJson = async <T>(path: string, options: HttpFetchOptions = {}): Promise<T> => {
    const url = new URL(basePath + path, window.location.origin);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const response = await fetch(url, {
      method: options.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        'kbn-xsrf': 'true',
        'x-elastic-internal-origin': 'Kibana',
        ...options.headers,
      },
      body: options.body,
      signal: options.signal,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    if (!response.ok) {
      const message =
        (body as { message?: string } | undefined)?.message ??
        `${response.status} ${response.statusText}`;
      const error = Object.assign(new Error(message), { name: 'HttpFetchError', response, body });
      throw error as IHttpFetchError;
    }
    return body as T;
  };
  return {
    fetch: fetchJson,
    get: fetchJson,
    basePath: { get: () => basePath, prepend: (path: string) => basePath + path },
  };
}
