/**
 * Errors from talking to Addigy. Each carries a message an account manager can act on; none
 * may contain a credential, so messages name endpoints by method and path, never by full URL.
 */

export type AddigyErrorKind =
  | 'auth'
  | 'permission'
  | 'network'
  | 'timeout'
  | 'rate-limit'
  | 'blocked'
  | 'cancelled'
  | 'server'
  | 'request'
  | 'invalid-response';

export class AddigyError extends Error {
  override name = 'AddigyError';

  /** How long the server asked to wait (`Retry-After`), in milliseconds. */
  retryAfterMs: number | null = null;
  /** For `blocked`: when the key may be used again, in milliseconds since the epoch. */
  retryAt: number | null = null;

  constructor(
    readonly kind: AddigyErrorKind,
    message: string,
    readonly endpoint: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Builds the error for a non-2xx response, with the fix for the usual causes. */
export function errorForStatus(
  status: number,
  endpoint: string,
  apiVersion: 'v1' | 'v2',
  addigyMessage: string | undefined,
): AddigyError {
  const detail = addigyMessage ? ` Addigy said: "${addigyMessage.slice(0, 200)}".` : '';
  if (status === 401) {
    const fix =
      apiVersion === 'v2'
        ? 'Check the API key, or create a new one in Addigy under Account > Integrations, and enter it in the options.'
        : 'Check the client ID and client secret in Addigy under Account > Integrations, and enter them in the options.';
    return new AddigyError(
      'auth',
      `Addigy rejected the credentials (401) at ${endpoint}. ${fix}${detail}`,
      endpoint,
      status,
    );
  }
  if (status === 403) {
    return new AddigyError(
      'permission',
      `Addigy refused ${endpoint} (403): the API key is likely missing the "View Devices" permission. Edit the key in Addigy under Account > Integrations.${detail}`,
      endpoint,
      status,
    );
  }
  if (status === 429) {
    return new AddigyError(
      'rate-limit',
      `Addigy is limiting requests (429) at ${endpoint}. Wait a few minutes, then sync again.${detail}`,
      endpoint,
      status,
    );
  }
  if (status >= 500) {
    return new AddigyError(
      'server',
      `Addigy had a server error (${status}) at ${endpoint}. Try again later; if it keeps failing, check status.addigy.com.${detail}`,
      endpoint,
      status,
    );
  }
  return new AddigyError(
    'request',
    `Addigy rejected the request to ${endpoint} (${status}). Check the API URL in the options.${detail}`,
    endpoint,
    status,
  );
}
