/**
 * The Addigy V2 routes under `/api/v2`. Every route needs the `x-api-key` header; the device
 * search also needs the "View Devices" permission, as the V2 spec states for that endpoint.
 */
import type { Fleet } from './fleet';
import {
  credentialMatches,
  headerValue,
  jsonResponse,
  parseJsonBody,
  v2ErrorResponse,
  type Route,
  type RouteRequest,
  type RouteResponse,
} from './routing';
import { searchDevices } from './v2-devices';

export const VIEW_DEVICES_PERMISSION = 'View Devices';

export interface V2Settings {
  fleet: Fleet;
  apiKey: string;
  permissions: readonly string[];
}

/** Returns a 401 for a missing or wrong API key, or null when the key is right. */
function rejectApiKey(request: RouteRequest, settings: V2Settings): RouteResponse | null {
  const apiKey = headerValue(request.headers, 'x-api-key');
  if (apiKey === undefined || apiKey === '') {
    return v2ErrorResponse(401, 'Unauthorized: the x-api-key header is missing.');
  }
  if (!credentialMatches(apiKey, settings.apiKey)) {
    return v2ErrorResponse(401, 'Unauthorized: the API key is invalid or was revoked.');
  }
  return null;
}

function rejectWithoutPermission(settings: V2Settings, permission: string): RouteResponse | null {
  if (settings.permissions.includes(permission)) return null;
  return v2ErrorResponse(
    403,
    `Forbidden: this API key lacks the "${permission}" permission; permissions are likely missing.`,
  );
}

/** Wraps a handler so that it runs only for a request with the right API key. */
function withApiKey(
  settings: V2Settings,
  handle: (request: RouteRequest) => RouteResponse,
): (request: RouteRequest) => RouteResponse {
  return (request) => rejectApiKey(request, settings) ?? handle(request);
}

export function createV2Routes(settings: V2Settings): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/v2/devices',
      handle: withApiKey(settings, (request) => {
        const denied = rejectWithoutPermission(settings, VIEW_DEVICES_PERMISSION);
        if (denied) return denied;
        const body = parseJsonBody(request);
        return body.ok ? searchDevices(settings.fleet, body.value) : body.response;
      }),
    },
    {
      method: 'POST',
      path: '/api/v2/oa/policies/query',
      handle: withApiKey(settings, (request) => {
        const body = parseJsonBody(request);
        if (!body.ok) return body.response;
        return jsonResponse(200, queryPolicies(settings.fleet, body.value).map(toV2Policy));
      }),
    },
    {
      method: 'GET',
      path: '/api/v2/configuration/permissions',
      handle: withApiKey(settings, () => jsonResponse(200, [...settings.permissions])),
    },
  ];
}

/**
 * Drops a null `parent`: the V2 spec types `parent` as a string with no null, so a root comes
 * without one. NOTE: whether Addigy V2 sends "" or leaves the key out for a root is not
 * documented; the extension reads both, and V1's null too.
 */
function toV2Policy(policy: Fleet['policies'][number]): Fleet['policies'][number] {
  if (policy.parent !== null) return policy;
  const { parent: _parent, ...rest } = policy;
  return rest as Fleet['policies'][number];
}

/** Returns every policy, or only those listed in the request's `policies` array. */
function queryPolicies(fleet: Fleet, body: unknown): Fleet['policies'] {
  const requested =
    typeof body === 'object' && body !== null && 'policies' in body ? body.policies : undefined;
  if (!Array.isArray(requested) || requested.length === 0) return fleet.policies;
  return fleet.policies.filter((policy) => requested.includes(policy.policyId));
}
