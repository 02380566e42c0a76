/**
 * Addigy API V2 (`<API URL>/api/v2`), authenticated by the `x-api-key` header as the published
 * spec says. A 401 is reported as it is; no other auth scheme is tried.
 */
import type { AddigyClient, AuthenticationResult, DevicesProgress, FetchedDevices } from './client';
import { joinUrl } from './client';
import { AddigyError } from './errors';
import { defaultHttpContext, requestJson, type HttpContext } from './http';
import { DEVICE_FACTS, fromV2Device, toPolicy } from './normalize';
import { v2DevicesPageSchema, v2PermissionsSchema, v2PoliciesSchema } from './schemas';
import type { DeviceRecord, Policy } from './types';
import type { z } from 'zod';

/** Addigy V2 rejects `per_page` above 100. */
export const DEVICES_PER_PAGE = 100;
const VIEW_DEVICES = 'View Devices';

export class V2Client implements AddigyClient {
  private readonly baseUrl: string;

  constructor(
    apiUrl: string,
    private readonly apiKey: string,
    private readonly http: HttpContext = defaultHttpContext,
  ) {
    this.baseUrl = joinUrl(apiUrl, '/api/v2');
  }

  async authenticate(): Promise<AuthenticationResult> {
    const permissions = await this.request(
      'GET',
      '/configuration/permissions',
      v2PermissionsSchema,
    );
    const normalised = permissions.map((permission) => permission.trim().toLowerCase());
    if (!normalised.includes(VIEW_DEVICES.toLowerCase())) {
      throw new AddigyError(
        'permission',
        `The API key works but lacks the "${VIEW_DEVICES}" permission, which device counts need. Edit the key in Addigy under Account > Integrations and add "${VIEW_DEVICES}".`,
        'GET /configuration/permissions',
      );
    }
    return { permissions, orgId: null };
  }

  async fetchPolicies(): Promise<Policy[]> {
    const policies = await this.request('POST', '/oa/policies/query', v2PoliciesSchema, {});
    return policies.map(toPolicy);
  }

  /**
   * Pages through `POST /devices` sorted by serial number, so pages neither overlap nor skip,
   * and stops at `page >= page_count`. `items: null` is an empty page.
   */
  async fetchDevices(onProgress?: (progress: DevicesProgress) => void): Promise<FetchedDevices> {
    const byAgentId = new Map<string, DeviceRecord>();
    let repeatedAgentIds = 0;
    let reportedTotal: number | null = null;
    for (let page = 1; ; page++) {
      const body = await this.request('POST', '/devices', v2DevicesPageSchema, {
        page,
        per_page: DEVICES_PER_PAGE,
        sort_field: 'serial_number',
        sort_direction: 'asc',
        desired_fact_identifiers: DEVICE_FACTS,
        query: {},
      });
      reportedTotal = body.metadata.total;
      for (const item of body.items ?? []) {
        if (byAgentId.has(item.agentid)) repeatedAgentIds++;
        byAgentId.set(item.agentid, fromV2Device(item));
      }
      onProgress?.({ pagesFetched: page, pagesExpected: body.metadata.page_count });
      if (page >= body.metadata.page_count) break;
    }
    return { devices: [...byAgentId.values()], repeatedAgentIds, reportedTotal };
  }

  private request<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
  ): Promise<T> {
    return requestJson({
      apiVersion: 'v2',
      method,
      url: joinUrl(this.baseUrl, path),
      endpoint: `${method} ${path}`,
      headers: { 'x-api-key': this.apiKey },
      body,
      schema,
    }, this.http);
  }
}
