// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SidePanelApp } from '../../components/SidePanelApp';
import type { PanelPolicy } from '../../lib/background/panel-policies';
import type { ProductMapping } from '../../lib/mapping/product-mapping';

const request = vi.fn<(message: { type: string }) => Promise<unknown>>();
const postPanelEvent = vi.fn();

vi.mock('../../lib/messaging/client', () => ({
  request: (message: { type: string }) => request(message),
}));
vi.mock('../../lib/side-panel/link', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/side-panel/link')>()),
  postPanelEvent: (...args: unknown[]) => postPanelEvent(...args),
}));

const POLICIES: PanelPolicy[] = [
  { policyId: 'b', name: 'Bright Smile Dental, LLC', total: 18 },
  { policyId: 'a', name: 'Acme Dental', total: 34 },
  { policyId: 'o', name: 'Oakridge Academy', total: 61 },
];

let container: HTMLElement;
let policies: PanelPolicy[];
let mappings: ProductMapping[];

beforeEach(() => {
  policies = POLICIES;
  mappings = [];
  request.mockReset();
  postPanelEvent.mockReset();
  request.mockImplementation(async (message) => {
    if (message.type === 'panel/policies') return policies;
    if (message.type === 'mappings/list') return mappings;
    return null;
  });
  window.location.hash = '#company=Acme+Dental';
});

afterEach(() => {
  render(null, container);
});

async function mount(): Promise<void> {
  container = document.createElement('div');
  document.body.replaceChildren(container);
  await act(async () => {
    render(<SidePanelApp />, container);
  });
  await vi.waitFor(() => expect(request).toHaveBeenCalledWith({ type: 'panel/policies' }));
}

function listedPolicies() {
  return [...container.querySelectorAll('[data-testid="panel-policy"]')].map((row) => ({
    name: row.querySelector('[data-testid="panel-policy-name"]')?.textContent,
    total: row.querySelector('[data-testid="panel-policy-total"]')?.textContent,
    exact: row.getAttribute('data-exact'),
  }));
}

async function type(selector: string, value: string): Promise<void> {
  const input = container.querySelector<HTMLInputElement>(selector)!;
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('SidePanelApp', () => {
  it('shows the company from the fragment', async () => {
    await mount();

    expect(container.querySelector('[data-testid="panel-company"]')?.textContent).toBe(
      'Company on this page: Acme Dental',
    );
  });

  it('lists policies with the exact match first', async () => {
    await mount();
    await vi.waitFor(() => expect(listedPolicies()).toHaveLength(3));

    expect(listedPolicies()).toEqual([
      { name: 'Acme Dental', total: '34', exact: 'true' },
      { name: 'Bright Smile Dental, LLC', total: '18', exact: 'false' },
      { name: 'Oakridge Academy', total: '61', exact: 'false' },
    ]);
    expect(container.querySelector('tr.exact-match .match-label')?.textContent).toBe('Exact match');
  });

  it('marks no policy for a near miss', async () => {
    window.location.hash = '#company=ACME+Dental+Inc.';
    await mount();
    await vi.waitFor(() => expect(listedPolicies()).toHaveLength(3));

    expect(listedPolicies().map((policy) => policy.exact)).toEqual(['false', 'false', 'false']);
  });

  it('searches names ignoring case', async () => {
    await mount();
    await vi.waitFor(() => expect(listedPolicies()).toHaveLength(3));
    await type('#policy-search', 'DENTAL');

    expect(listedPolicies().map((policy) => policy.name)).toEqual([
      'Acme Dental',
      'Bright Smile Dental, LLC',
    ]);
    expect(container.textContent).toContain('Showing 2 of 3 policies.');
  });

  it('asks for a sync when there are no policies', async () => {
    policies = [];
    await mount();

    await vi.waitFor(() =>
      expect(container.textContent).toContain(
        "No client policies yet. Open the extension's toolbar popup and click Sync now.",
      ),
    );
  });

  it('warns about two policies with the same name', async () => {
    policies = [...POLICIES, { policyId: 'a2', name: 'Acme Dental', total: 2 }];
    await mount();

    await vi.waitFor(() =>
      expect(container.querySelector('.notice')?.textContent).toBe(
        '2 client policies are named "Acme Dental", so the agreement shows no counts. Rename ' +
          'all but one of them in Addigy.',
      ),
    );
  });

  it('shows a failed request', async () => {
    request.mockImplementation(async (message) => {
      if (message.type === 'panel/policies') throw new Error('The extension did not answer.');
      return [];
    });
    await mount();

    await vi.waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toBe(
        'The extension did not answer.',
      ),
    );
  });

  it('asks to close on Escape', async () => {
    await mount();
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });

    expect(postPanelEvent).toHaveBeenCalledWith(window, 'close');
  });

  it('asks to close on the close button', async () => {
    await mount();
    await act(async () => {
      container.querySelector<HTMLButtonElement>('[data-testid="close-panel"]')!.click();
    });

    expect(postPanelEvent).toHaveBeenCalledWith(window, 'close');
  });

  it('reports a saved mapping', async () => {
    await mount();
    await type('#mapping-product-id', 'MDM-IOS');
    await act(async () => {
      container
        .querySelector('form')!
        .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });

    await vi.waitFor(() => expect(postPanelEvent).toHaveBeenCalledWith(window, 'mappings-changed'));
    expect(request).toHaveBeenCalledWith({
      type: 'mappings/save',
      mapping: { productId: 'MDM-IOS', service: 'total' },
    });
  });

  it('sends only side panel messages', async () => {
    await mount();
    await type('#mapping-product-id', 'MDM-IOS');
    await act(async () => {
      container
        .querySelector('form')!
        .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await vi.waitFor(() => expect(postPanelEvent).toHaveBeenCalled());
    const types = new Set(request.mock.calls.map(([message]) => message.type));

    expect([...types].sort()).toEqual(['mappings/list', 'mappings/save', 'panel/policies']);
  });
});
