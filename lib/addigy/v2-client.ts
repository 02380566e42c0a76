/**
 * Addigy API V2 (`<API URL>/api/v2`), authenticated by the `x-api-key` header as the published
 * spec says. A 401 is reported as it is; no other auth scheme is tried.
 */
import type {
  AddigyClient,
  AuthenticationResult,
  DevicesProgress,
  FetchDevicesOptions,
  FetchedDevices,
  FetchedPage,
} from './client';
import { joinUrl } from './client';
import { AddigyError } from './errors';
import { defaultHttpContext, requestJson, type HttpContext } from './http';
import { DEVICE_FACTS, fromV2Device, toPolicy } from './normalize';
import { v2DevicesPageSchema, v2PermissionsSchema, v2PoliciesSchema } from './schemas';
import type { Policy } from './types';
import { fetchAllPages } from './v2-pager';
import type { z } from 'zod';

/** Addigy V2 rejects `per_page` above 100. */
export const DEVICES_PER_PAGE = 100;
/** Pages allowed beyond what `total` needs, for devices enrolled while a sync runs. */
const PAGE_COUNT_SLACK = 5;
/** A million devices: far beyond any MSP, so a runaway page count stops here. */
const MAX_PAGES = 10_000;
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

  /** Fetches every device, several pages at a time within the request budget. */
  fetchDevices(
    onProgress?: (progress: DevicesProgress) => void,
    options?: FetchDevicesOptions,
  ): Promise<FetchedDevices> {
    const interner = new Map<string, string>();
    return fetchAllPages((page) => this.fetchPage(page, interner), onProgress, options);
  }

  /** Fetches one page; `items: null` is an empty page. */
  private async fetchPage(page: number, interner: Map<string, string>): Promise<FetchedPage> {
    const body = await this.request('POST', '/devices', v2DevicesPageSchema, {
      page,
      per_page: DEVICES_PER_PAGE,
      sort_field: 'serial_number',
      sort_direction: 'asc',
      desired_fact_identifiers: DEVICE_FACTS,
      query: {},
    });
    const { page_count: pageCount, total } = body.metadata;
    // A page count far beyond what the total needs would make the sync run on forever.
    if (
      pageCount > Math.ceil(total / DEVICES_PER_PAGE) + PAGE_COUNT_SLACK ||
      pageCount > MAX_PAGES
    ) {
      throw new AddigyError(
        'invalid-response',
        `Addigy reported ${pageCount} pages for ${total} devices at POST /devices, so the sync stopped to stay within the rate limit. Sync again later; if it persists, contact Addigy support.`,
        'POST /devices',
      );
    }
    return {
      page,
      pageCount,
      reportedTotal: body.metadata.total,
      devices: (body.items ?? []).map((item) => fromV2Device(item, interner)),
    };
  }

  private request<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
  ): Promise<T> {
    return requestJson(
      {
        apiVersion: 'v2',
        method,
        url: joinUrl(this.baseUrl, path),
        endpoint: `${method} ${path}`,
        headers: { 'x-api-key': this.apiKey },
        body,
        schema,
      },
      this.http,
    );
  }
}
