/**
 * Fetches every page of V2 `POST /devices`. Page 1 says how many pages there are; the rest are
 * fetched by a few workers at once, each request waiting for its slot in the shared budget, so
 * the sync runs as fast as the budget allows. Pages are sorted by serial number, so they neither
 * overlap nor skip while the fleet stands still; when it changes mid-sync, a later page may
 * report more pages, which are fetched too, and repeated agentids are counted once.
 */
import type { DevicesProgress, FetchDevicesOptions, FetchedDevices, FetchedPage } from './client';
import type { DeviceRecord } from './types';

/** Workers fetching pages at once; the budget's in-flight limit is the real bound. */
const WORKERS = 8;

export type FetchPage = (page: number) => Promise<FetchedPage>;

export async function fetchAllPages(
  fetchPage: FetchPage,
  onProgress: ((progress: DevicesProgress) => void) | undefined,
  options: FetchDevicesOptions = {},
): Promise<FetchedDevices> {
  const byAgentId = new Map<string, DeviceRecord>();
  let repeatedAgentIds = 0;
  const done = new Set<number>();
  const add = (devices: DeviceRecord[]) => {
    for (const device of devices) {
      if (byAgentId.has(device.agentId)) repeatedAgentIds++;
      byAgentId.set(device.agentId, device);
    }
  };

  let pageCount: number;
  let reportedTotal: number;
  if (options.resume) {
    for (const [page, devices] of [...options.resume.pages].sort(([a], [b]) => a - b)) {
      add(devices);
      done.add(page);
    }
    pageCount = options.resume.pageCount;
    reportedTotal = options.resume.reportedTotal;
  } else {
    const first = await fetchPage(1);
    await options.onPage?.(first);
    add(first.devices);
    done.add(1);
    pageCount = first.pageCount;
    reportedTotal = first.reportedTotal;
  }
  onProgress?.({ pagesFetched: done.size, pagesExpected: pageCount });

  let next = 1;
  const takePage = (): number | null => {
    while (next < pageCount) {
      next++;
      if (!done.has(next)) return next;
    }
    return null;
  };
  const worker = async () => {
    for (let page = takePage(); page !== null; page = takePage()) {
      const fetched = await fetchPage(page);
      await options.onPage?.(fetched);
      add(fetched.devices);
      done.add(page);
      // A later page that reports more pages means devices were added since page 1.
      pageCount = Math.max(pageCount, fetched.pageCount);
      reportedTotal = fetched.reportedTotal;
      onProgress?.({ pagesFetched: done.size, pagesExpected: pageCount });
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return { devices: [...byAgentId.values()], repeatedAgentIds, reportedTotal };
}
