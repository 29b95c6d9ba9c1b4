import type { AdminEndpoint } from '../../common/admin_api';

export interface SidecarAnswer {
  status: number;
  body: unknown;
}

/**
 * Calls the sidecar's admin API with the token from kibana.yml (the browser never sees it).
 * A sidecar that cannot be reached is a 502 naming the configured URL, not the token.
 */
export async function callSidecar(
  settings: { sidecarUrl: string; sidecarToken?: string },
  endpoint: AdminEndpoint,
  path: string,
  query: Record<string, unknown>,
  body: unknown,
): Promise<SidecarAnswer> {
  const url = new URL(settings.sidecarUrl);
  url.pathname = `${url.pathname.replace(/\/$/, '')}${path}`;
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
  }
  const sendsBody = endpoint.method === 'POST' || endpoint.method === 'PUT';
  try {
    const response = await fetch(url, {
      method: endpoint.method,
      headers: {
        ...(settings.sidecarToken ? { authorization: `Bearer ${settings.sidecarToken}` } : {}),
        ...(sendsBody ? { 'content-type': 'application/json' } : {}),
      },
      ...(sendsBody ? { body: JSON.stringify(body ?? {}) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  } catch (error) {
    return {
      status: 502,
      body: {
        message: `the Customer Analytics sidecar at ${settings.sidecarUrl} did not answer (${(error as Error).message}); is \`customer-analytics serve\` running, and customerAnalytics.sidecarUrl right?`,
      },
    };
  }
}
