/**
 * Addigy API V1 (`https://prod.addigy.com/api`), the legacy API that Addigy announced it would
 * remove on 31 March 2026. Credentials go in the `client-id` and `client-secret` headers, not
 * the query string, because query strings end up in proxy and server logs.
 */
import type { AddigyClient, AuthenticationResult, FetchedDevices } from './client';
import { joinUrl } from './client';
import { defaultHttpContext, requestJson, type HttpContext } from './http';
import { fromV1Device, toPolicy } from './normalize';
import { v1DevicesSchema, v1PoliciesSchema, v1ValidateSchema } from './schemas';
import type { Policy } from './types';
import type { z } from 'zod';

export class V1Client implements AddigyClient {
  constructor(
    private readonly apiUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly http: HttpContext = defaultHttpContext,
  ) {}

  async authenticate(): Promise<AuthenticationResult> {
    const body = await this.request('POST', '/validate', v1ValidateSchema);
    return { permissions: null, orgId: body.orgid };
  }

  async fetchPolicies(): Promise<Policy[]> {
    const policies = await this.request('GET', '/policies', v1PoliciesSchema);
    return policies.map(toPolicy);
  }

  /**
   * Fetches the whole fleet in one response; V1 has no pagination.
   * TODO: parse the array as a stream so a 100,000-device response (about 500 MB) never sits in
   * memory whole; today the body is read as one string.
   */
  async fetchDevices(): Promise<FetchedDevices> {
    const items = await this.request('GET', '/devices', v1DevicesSchema);
    return { devices: items.map(fromV1Device), repeatedAgentIds: 0, reportedTotal: null };
  }

  private request<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>): Promise<T> {
    return requestJson(
      {
        apiVersion: 'v1',
        method,
        url: joinUrl(this.apiUrl, path),
        endpoint: `${method} ${path}`,
        headers: { 'client-id': this.clientId, 'client-secret': this.clientSecret },
        schema,
      },
      this.http,
    );
  }
}
