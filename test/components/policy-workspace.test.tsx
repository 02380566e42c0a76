// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROWS_PER_STEP } from '../../components/PolicyTable';
import { PolicyWorkspace } from '../../components/PolicyWorkspace';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import type { PopupWorkspace } from '../../lib/background/popup-handlers';
import { countDevices } from '../../lib/counting/count-devices';
import type { Snapshot } from '../../lib/sync/snapshot';
import { IDLE_STATUS } from '../../lib/sync/sync-status';
import { device, policy } from '../helpers/devices';

const request = vi.fn<(message: { type: string }) => Promise<unknown>>();
vi.mock('../../lib/messaging/client', () => ({
  request: (message: { type: string }) => request(message),
}));

const NOW = Date.parse('2026-12-01T00:00:00Z');
const SNAPSHOT: Snapshot = {
  id: 2,
  createdAt: NOW,
  durationMs: 5,
  apiVersion: 'v2',
  fetchWarnings: [],
  changes: { o: { added: 1, removed: 2, addedNames: ['New Mac'], removedNames: ['A', 'B'] } },
  counts: countDevices(
    [policy('a', 'Acme'), policy('a1', 'Acme Kiosks', 'a'), policy('o', 'Oakridge')],
    [
      device({ agentId: '1', policyId: 'a', productName: 'Mac14,2', lastOnline: NOW }),
      device({ agentId: '2', policyId: 'a1', productName: 'iPad8,3', lastOnline: NOW }),
      device({ agentId: '3', policyId: 'o', productName: 'Mac14,2', lastOnline: NOW }),
      device({ agentId: '4', policyId: 'o', productName: 'Mac14,2', lastOnline: NOW }),
      device({ agentId: '5', policyId: 'o', productName: 'Mac14,2', lastOnline: NOW }),
    ],
    { accountLevel: { kind: 'roots' }, staleAfterDays: 30, now: NOW },
  ),
};
const WORKSPACE: PopupWorkspace = {
  reconciliation: {
    o: {
      mapped: true,
      agreements: [
        {
          mappingKey: 'k',
          companyName: 'Oakridge Academy',
          observedAt: NOW,
          services: [{ service: 'macOS', billed: 5, count: 3, difference: -2 }],
          off: true,
        },
      ],
      billed: 5,
      count: 3,
      difference: -2,
      off: true,
    },
  },
  trends: { a: [1, 2], o: [4, 3] },
};

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  request.mockReset();
  request.mockResolvedValue(WORKSPACE);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

const rowNames = () =>
  [...container.querySelectorAll('[data-testid="policy-row"] th')].map((cell) => cell.textContent);

async function renderWorkspace() {
  await act(async () => {
    render(<PolicyWorkspace snapshot={SNAPSHOT} />, container);
  });
  await vi.waitFor(() =>
    expect(container.querySelector('[data-column="billed"].number')).not.toBeNull(),
  );
}

describe('PolicyWorkspace', () => {
  it('shows PSA quantity, difference, changes and trend', async () => {
    await renderWorkspace();
    const oakridge = container.querySelector('[data-policy-id="o"]')!;
    expect(oakridge.querySelector('[data-column="billed"]')?.textContent).toBe('5');
    expect(oakridge.querySelector('[data-column="difference"]')?.textContent).toBe('-2');
    expect(oakridge.querySelector('[data-column="change"]')?.textContent).toBe('+1 −2');
    expect(oakridge.querySelector('[data-column="change"]')?.getAttribute('title')).toBe(
      'Added: New Mac\nRemoved: A, B',
    );
    expect(oakridge.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toBe(
      'Total over the last 2 syncs: 4, 3',
    );
    const acme = container.querySelector('[data-policy-id="a"]')!;
    expect(acme.querySelector('[data-column="billed"]')?.textContent).toBe('Not mapped');
  });

  it('expands a client into its child policies', async () => {
    await renderWorkspace();
    const toggle = container.querySelector<HTMLButtonElement>(
      '[data-policy-id="a"] button.expand',
    )!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelectorAll('[data-testid="child-policy-row"]')).toHaveLength(0);
    await act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const children = [...container.querySelectorAll('[data-testid="child-policy-row"]')];
    expect(children.map((row) => row.querySelector('th')?.textContent)).toEqual([
      'Acme itself',
      'Acme Kiosks',
    ]);
    expect(children.map((row) => row.querySelector('[data-os="total"]')?.textContent)).toEqual([
      '1',
      '1',
    ]);
    await act(() => toggle.click());
    expect(container.querySelectorAll('[data-testid="child-policy-row"]')).toHaveLength(0);
  });

  it('sorts by a header and marks aria-sort', async () => {
    await renderWorkspace();
    const total = container.querySelector<HTMLButtonElement>('button[data-sort-key="total"]')!;
    await act(() => total.click());
    expect(total.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()).toEqual(['Oakridge', 'Acme']);
    await act(() => total.click());
    expect(total.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    expect(rowNames()).toEqual(['Acme', 'Oakridge']);
    const name = container.querySelector('button[data-sort-key="name"]')!;
    expect(name.closest('th')?.hasAttribute('aria-sort')).toBe(false);
  });

  it('filters mapped clients that are off', async () => {
    await renderWorkspace();
    const select = container.querySelector<HTMLSelectElement>('[data-testid="policy-filter"]')!;
    await act(() => {
      select.value = 'off';
      select.dispatchEvent(new Event('change'));
    });
    expect(rowNames()).toEqual(['Oakridge']);
    expect(container.querySelector('[data-testid="row-count"]')?.textContent).toBe(
      '1 of 2 clients',
    );
  });
});

describe('SyncStatusBar', () => {
  const running = { ...IDLE_STATUS, state: 'running' as const, runId: 'r', startedAt: NOW };

  it('shows an indeterminate bar before the page count', () => {
    render(<SyncStatusBar status={running} snapshot={null} now={NOW} />, container);
    const bar = container.querySelector('progress')!;
    expect(bar.hasAttribute('value')).toBe(false);
    expect(container.textContent).toContain('fetching policies');
  });

  it('shows pages fetched of pages expected', () => {
    const status = { ...running, pagesFetched: 3, pagesExpected: 8 };
    render(<SyncStatusBar status={status} snapshot={null} now={NOW} />, container);
    const bar = container.querySelector('progress')!;
    expect(bar.getAttribute('value')).toBe('3');
    expect(bar.getAttribute('max')).toBe('8');
    expect(container.textContent).toContain('page 3 of 8');
  });

  it('shows the last sync with the exact time on hover', () => {
    render(
      <SyncStatusBar status={IDLE_STATUS} snapshot={SNAPSHOT} now={NOW + 5 * 60_000} />,
      container,
    );
    const time = container.querySelector('[data-testid="last-sync"]')!;
    expect(time.textContent).toBe('5 minutes ago');
    expect(time.getAttribute('title')).toMatch(/2026/);
    expect(time.getAttribute('datetime')).toBe('2026-12-01T00:00:00.000Z');
  });

  it('shows the failure with its fix', () => {
    const failed = {
      ...IDLE_STATUS,
      state: 'failed' as const,
      error: 'Addigy rejected the API key (401). Create a new V2 token and paste it in Settings.',
    };
    render(<SyncStatusBar status={failed} snapshot={SNAPSHOT} now={NOW} />, container);
    expect(container.querySelector('[data-testid="sync-error"]')?.textContent).toBe(
      'Sync failed: Addigy rejected the API key (401). Create a new V2 token and paste it in Settings. The numbers below are from the last successful sync.',
    );
  });
});

describe('PolicyWorkspace with many clients', () => {
  const CLIENTS = 250;
  const names = Array.from(
    { length: CLIENTS },
    (_, i) => `Client ${String(i + 1).padStart(3, '0')}`,
  );
  const many: Snapshot = {
    ...SNAPSHOT,
    changes: undefined,
    counts: countDevices(
      names.map((name, i) => policy(`p${i + 1}`, name)),
      names.map((_, i) =>
        device({ agentId: `d${i + 1}`, policyId: `p${i + 1}`, productName: 'Mac14,2' }),
      ),
      { accountLevel: { kind: 'roots' }, staleAfterDays: 30, now: NOW },
    ),
  };

  async function renderMany() {
    request.mockResolvedValue({ reconciliation: {}, trends: {} });
    await act(async () => {
      render(<PolicyWorkspace snapshot={many} />, container);
    });
    await vi.waitFor(() => expect(rowNames().length).toBeGreaterThan(0));
  }

  const moreRowText = () =>
    container.querySelector('[data-testid="more-rows"]')?.textContent?.split('.')[0];

  it('renders the first clients and the rest on request', async () => {
    await renderMany();
    expect(rowNames()).toEqual(names.slice(0, ROWS_PER_STEP));
    expect(moreRowText()).toBe(`${CLIENTS - ROWS_PER_STEP} more clients`);

    const more = [
      ...container.querySelectorAll<HTMLButtonElement>('[data-testid="more-rows"] button'),
    ];
    expect(more.map((button) => button.textContent)).toEqual([
      `Show ${ROWS_PER_STEP} more`,
      'Show all',
    ]);
    await act(() => more[0]!.click());
    expect(rowNames()).toEqual(names.slice(0, 2 * ROWS_PER_STEP));
    expect(moreRowText()).toBe(`${CLIENTS - 2 * ROWS_PER_STEP} more clients`);

    await act(() =>
      container.querySelector<HTMLButtonElement>('[data-testid="show-all-rows"]')!.click(),
    );
    expect(rowNames()).toEqual(names);
    expect(container.querySelector('[data-testid="more-rows"]')).toBeNull();
  });

  it('searches every client, not only the rendered ones', async () => {
    await renderMany();
    const search = container.querySelector<HTMLInputElement>('[data-testid="policy-search"]')!;
    await act(() => {
      search.value = 'client 24';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await vi.waitFor(() =>
      expect(rowNames()).toEqual(names.filter((name) => name.startsWith('Client 24'))),
    );
    expect(container.querySelector('[data-testid="more-rows"]')).toBeNull();
  });
});
