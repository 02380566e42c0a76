import { describe, expect, it } from 'vitest';
import type { FetchedPage } from '../../lib/addigy/client';
import { fetchAllPages } from '../../lib/addigy/v2-pager';
import { device } from '../helpers/devices';

/** A fake `POST /devices`: `pages[n - 1]` lists page n's agent ids; `pageCounts` may change. */
function fakeServer(pages: string[][], pageCountAt: (page: number) => number = () => pages.length) {
  const requested: number[] = [];
  const fetchPage = async (page: number): Promise<FetchedPage> => {
    requested.push(page);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
    return {
      page,
      pageCount: pageCountAt(page),
      reportedTotal: pages.flat().length,
      devices: (pages[page - 1] ?? []).map((agentId) => device({ agentId })),
    };
  };
  return { fetchPage, requested };
}

const ids = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => `agent-${from + index}`);

describe('fetchAllPages', () => {
  it('fetches every page once', async () => {
    const pages = Array.from({ length: 25 }, (_, index) => ids(index * 100, 100));
    const server = fakeServer(pages);
    const result = await fetchAllPages(server.fetchPage, undefined);
    expect(result.devices).toHaveLength(2500);
    expect([...server.requested].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, index) => index + 1),
    );
    expect(result.repeatedAgentIds).toBe(0);
    expect(result.reportedTotal).toBe(2500);
  });

  it('stops after page 1 when page_count is 0', async () => {
    const server = fakeServer([], () => 0);
    const result = await fetchAllPages(server.fetchPage, undefined);
    expect(result.devices).toEqual([]);
    expect(server.requested).toEqual([1]);
  });

  it('counts a repeated page once', async () => {
    const server = fakeServer([ids(0, 3), ids(0, 3), ids(3, 2)]);
    const result = await fetchAllPages(server.fetchPage, undefined);
    expect(result.devices.map((d) => d.agentId)).toEqual(ids(0, 5));
    expect(result.repeatedAgentIds).toBe(3);
  });

  it('fetches pages added mid-sync', async () => {
    const pages = [ids(0, 2), ids(2, 2), ids(4, 2), ids(6, 2)];
    // Page 1 reports 2 pages; later pages report 4, as if devices were enrolled meanwhile.
    const server = fakeServer(pages, (page) => (page === 1 ? 2 : 4));
    const result = await fetchAllPages(server.fetchPage, undefined);
    expect(result.devices).toHaveLength(8);
    expect([...server.requested].sort()).toEqual([1, 2, 3, 4]);
  });

  it('resume skips stored pages', async () => {
    const pages = [ids(0, 2), ids(2, 2), ids(4, 2), ids(6, 2)];
    const server = fakeServer(pages);
    const stored = new Map([
      [1, pages[0]!.map((agentId) => device({ agentId }))],
      [3, pages[2]!.map((agentId) => device({ agentId }))],
    ]);
    const result = await fetchAllPages(server.fetchPage, undefined, {
      resume: { pages: stored, pageCount: 4, reportedTotal: 8 },
    });
    expect([...server.requested].sort()).toEqual([2, 4]);
    expect(new Set(result.devices.map((d) => d.agentId))).toEqual(new Set(pages.flat()));
  });

  it('reports progress and persists each page', async () => {
    const server = fakeServer([ids(0, 1), ids(1, 1), ids(2, 1)]);
    const progress: number[] = [];
    const persisted: number[] = [];
    await fetchAllPages(
      (page) => server.fetchPage(page),
      (p) => progress.push(p.pagesFetched),
      {
        onPage: async (page) => {
          persisted.push(page.page);
        },
      },
    );
    expect(progress).toEqual([1, 2, 3]);
    expect([...persisted].sort()).toEqual([1, 2, 3]);
  });

  it('a failing page fails the whole fetch', async () => {
    const server = fakeServer([ids(0, 1), ids(1, 1), ids(2, 1)]);
    const failing = async (page: number) => {
      if (page === 2) throw new Error('page 2 failed');
      return server.fetchPage(page);
    };
    await expect(fetchAllPages(failing, undefined)).rejects.toThrow('page 2 failed');
  });
});
