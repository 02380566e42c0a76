/**
 * The Addigy client interface both API versions implement, and the factory that picks one.
 * Only the background service worker creates clients, because only it can decrypt the credentials.
 */
import type { Credentials } from '../vault/credentials';
import type { HttpContext } from './http';
import type { DeviceRecord, Policy } from './types';
import { V1Client } from './v1-client';
import { V2Client } from './v2-client';

export interface DevicesProgress {
  pagesFetched: number;
  /** Null until the first page reports how many there are. */
  pagesExpected: number | null;
}

export interface FetchedDevices {
  devices: DeviceRecord[];
  /** Repeated agentids dropped while paging. */
  repeatedAgentIds: number;
  /** The total the API reported, if any, for comparing with `devices.length`. */
  reportedTotal: number | null;
}

/** One page of `POST /devices`, as the client hands it over for persisting. */
export interface FetchedPage {
  page: number;
  /** The page count the server reported with this page; it can grow while a sync runs. */
  pageCount: number;
  reportedTotal: number;
  devices: DeviceRecord[];
}

/** Pages a stopped worker fetched before it stopped, so that a resumed sync skips them. */
export interface ResumePoint {
  pages: Map<number, DeviceRecord[]>;
  pageCount: number;
  reportedTotal: number;
}

export interface FetchDevicesOptions {
  resume?: ResumePoint;
  /** Called after each fetched page, before it counts as done; persisting happens here. */
  onPage?: (page: FetchedPage) => Promise<void>;
}

export interface AuthenticationResult {
  /** The key's permissions (V2 only). */
  permissions: string[] | null;
  orgId: string | null;
}

export interface AddigyClient {
  /** Checks the credentials and permissions; throws `AddigyError` with the fix. */
  authenticate(): Promise<AuthenticationResult>;
  fetchPolicies(): Promise<Policy[]>;
  fetchDevices(
    onProgress?: (progress: DevicesProgress) => void,
    options?: FetchDevicesOptions,
  ): Promise<FetchedDevices>;
}

export function createAddigyClient(credentials: Credentials, http?: HttpContext): AddigyClient {
  return credentials.apiVersion === 'v2'
    ? new V2Client(credentials.apiUrl, credentials.apiKey, http)
    : new V1Client(credentials.apiUrl, credentials.clientId, credentials.clientSecret, http);
}

/** Joins a base URL and a path without doubling or dropping the slash between them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
