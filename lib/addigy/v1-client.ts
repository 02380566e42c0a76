/**
 * Addigy API V1 (`https://prod.addigy.com/api`), the legacy API that Addigy announced it would
 * remove on 31 March 2026. Credentials go in the `client-id` and `client-secret` headers,
 * because query strings end up in proxy and server logs. Only when Addigy rejects the headers
 * with a 401 is the request repeated once with the `client_id` and `client_secret` query
 * parameters, which V1 also accepts. When that works, the client instance keeps using query
 * parameters, so that each later request is sent once.
 *
 * No error message, log line or endpoint label contains the URL: endpoints are named by method
 * and path ("GET /devices"), and errors are cleaned of the credential values before they are
 * thrown, in case Addigy's own error message repeats them.
 */
import type { AddigyClient, AuthenticationResult, FetchedDevices } from './client';
import { joinUrl } from './client';
import { withoutSecrets } from '../log/logger';
import { AddigyError } from './errors';
import {
  defaultHttpContext,
  requestJson,
  sendRequest,
  type AddigyRequest,
  type HttpContext,
} from './http';
import { log } from '../log/logger';
import { toPolicy } from './normalize';
import { v1PoliciesSchema, v1ValidateSchema } from './schemas';
import type { Policy } from './types';
import { streamV1Devices } from './v1-stream';
import type { z } from 'zod';

/** The part of a request that carries the credentials. */
export type V1CredentialPlacement = 'headers' | 'query';

export class V1Client implements AddigyClient {
  private placement: V1CredentialPlacement = 'headers';

  constructor(
    private readonly apiUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly http: HttpContext = defaultHttpContext,
  ) {}

  /**
   * The credential placement this client uses now. It is 'query' once Addigy has rejected the
   * headers and accepted query parameters.
   */
  get credentialPlacement(): V1CredentialPlacement {
    return this.placement;
  }

  async authenticate(): Promise<AuthenticationResult> {
    const body = await this.requestJson('POST', '/validate', v1ValidateSchema);
    return { permissions: null, orgId: body.orgid };
  }

  async fetchPolicies(): Promise<Policy[]> {
    const policies = await this.requestJson('GET', '/policies', v1PoliciesSchema);
    return policies.map(toPolicy);
  }

  /**
   * Fetches the whole fleet in one response, because V1 has no pagination. The body is parsed
   * as a stream (see `v1-stream.ts`), so only the device records are kept, never the body.
   */
  async fetchDevices(): Promise<FetchedDevices> {
    const devices = await this.send('GET', '/devices', (request) =>
      sendRequest(request, streamV1Devices, this.http),
    );
    return { devices, repeatedAgentIds: 0, reportedTotal: null };
  }

  private requestJson<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>): Promise<T> {
    return this.send(method, path, (request) => requestJson({ ...request, schema }, this.http));
  }

  /** Sends the request, and removes the credentials from any error it throws. */
  private async send<T>(
    method: 'GET' | 'POST',
    path: string,
    perform: (request: AddigyRequest) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.sendWithFallback(method, path, perform);
    } catch (error) {
      throw this.withoutCredentials(error);
    }
  }

  /**
   * Sends the request with the credentials where they last worked, and from headers falls back
   * to query parameters once on a 401. A 401 with query parameters is thrown as it is.
   */
  private async sendWithFallback<T>(
    method: 'GET' | 'POST',
    path: string,
    perform: (request: AddigyRequest) => Promise<T>,
  ): Promise<T> {
    if (this.placement === 'query') {
      return perform(this.buildRequest(method, path, 'query'));
    }
    try {
      return await perform(this.buildRequest(method, path, 'headers'));
    } catch (error) {
      if (!(error instanceof AddigyError) || error.status !== 401) throw error;
    }

    const endpoint = `${method} ${path}`;
    log.warn(
      `Addigy V1 rejected the credentials in headers at ${endpoint} (401). Retrying once with query parameters.`,
    );
    const result = await perform(this.buildRequest(method, path, 'query'));
    this.placement = 'query';
    log.info(
      `Addigy V1 accepted the credentials as query parameters at ${endpoint}. This client sends them that way from now on.`,
    );
    return result;
  }

  private buildRequest(
    method: 'GET' | 'POST',
    path: string,
    placement: V1CredentialPlacement,
  ): AddigyRequest {
    // The endpoint label appears in errors and logs, so it never carries the query string.
    const request: AddigyRequest = {
      apiVersion: 'v1',
      method,
      url: joinUrl(this.apiUrl, path),
      endpoint: `${method} ${path}`,
      headers: {},
    };
    if (placement === 'headers') {
      request.headers = { 'client-id': this.clientId, 'client-secret': this.clientSecret };
    } else {
      const query = new URLSearchParams({
        client_id: this.clientId,
        client_secret: this.clientSecret,
      });
      request.url = `${request.url}?${query.toString()}`;
    }
    return request;
  }

  /** Replaces the credential values, as typed or as encoded in the query, in an error message. */
  private withoutCredentials(error: unknown): unknown {
    if (!(error instanceof AddigyError)) return error;
    // URLSearchParams encodes a space as "+", which encodeURIComponent does not.
    const queryForm = (value: string) => new URLSearchParams({ value }).toString().slice(6);
    const secrets = [this.clientSecret, this.clientId];
    error.message = withoutSecrets(error.message, [...secrets, ...secrets.map(queryForm)]);
    return error;
  }
}
