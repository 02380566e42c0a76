/**
 * The Addigy V1 routes under `/api`. Credentials are the client id and secret, sent as the
 * `client-id` and `client-secret` headers or as the `client_id` and `client_secret` query
 * parameters. V1 accepts both. `queryCredentialsOnly` makes the routes read only the query
 * parameters, to test how a client copes with a deployment that rejects the headers.
 */
import type { Fleet } from './fleet';
import {
  credentialMatches,
  headerValue,
  jsonResponse,
  v1ErrorResponse,
  type Route,
  type RouteRequest,
  type RouteResponse,
} from './routing';
import { toV1Device } from './v1-device';

/** The organisation id that `POST /validate` returns when the fleet names none. */
const FALLBACK_ORGID = '00000000-0000-4000-8000-000000000000';

export interface V1Settings {
  fleet: Fleet;
  clientId: string;
  clientSecret: string;
  /** Whether to ignore the credential headers and accept only the query parameters. */
  queryCredentialsOnly?: boolean;
}

/** Returns a 401 unless both credentials match, from the headers or else the query string. */
function rejectCredentials(request: RouteRequest, settings: V1Settings): RouteResponse | null {
  const header = (name: string) =>
    settings.queryCredentialsOnly ? undefined : headerValue(request.headers, name);
  const clientId = header('client-id') ?? request.query.get('client_id');
  const clientSecret = header('client-secret') ?? request.query.get('client_secret');
  if (
    credentialMatches(clientId, settings.clientId) &&
    credentialMatches(clientSecret, settings.clientSecret)
  ) {
    return null;
  }
  return v1ErrorResponse(401, 'Unauthorized: the client_id or client_secret is invalid.');
}

function withCredentials(
  settings: V1Settings,
  handle: () => RouteResponse,
): (request: RouteRequest) => RouteResponse {
  return (request) => rejectCredentials(request, settings) ?? handle();
}

/** Returns the tenant's organisation id from the first policy, or else the first device. */
function fleetOrgid(fleet: Fleet): string {
  const owner = fleet.policies[0] ?? fleet.devices[0];
  return owner?.orgid || FALLBACK_ORGID;
}

export function createV1Routes(settings: V1Settings): Route[] {
  const { fleet } = settings;
  return [
    {
      method: 'GET',
      path: '/api/policies',
      handle: withCredentials(settings, () => jsonResponse(200, fleet.policies)),
    },
    {
      method: 'GET',
      path: '/api/devices',
      handle: withCredentials(settings, () => jsonResponse(200, fleet.devices.map(toV1Device))),
    },
    {
      method: 'POST',
      path: '/api/validate',
      handle: withCredentials(settings, () => jsonResponse(200, { orgid: fleetOrgid(fleet) })),
    },
  ];
}
