// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SidePanelApp } from '../../components/SidePanelApp';
import type { PanelPolicy } from '../../lib/background/panel-policies';
import {
  accountMappingKey,
  type AccountMapping,
  type AccountMappingInput,
} from '../../lib/mapping/account-mapping';
import type { ProductMapping } from '../../lib/mapping/product-mapping';
import { handleMessage, type Handlers } from '../../lib/messaging/router';
import { messageSchema, type Message } from '../../lib/messaging/messages';

type Request = { type: string; [field: string]: unknown };
const request = vi.fn<(message: Request) => Promise<unknown>>();
const postPanelEvent = vi.fn();

vi.mock('../../lib/messaging/client', () => ({
  request: (message: Request) => request(message),
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
const RECORD_HASH = {
  company: 'Acme Dental, Inc.',
  psa: 'connectwise',
  host: 'na.myconnectwise.net',
  companyId: '250',
  agreementId: '4107',
  line: 'MDM-MAC',
};
// Preact listens for `onDragStart` as "dragstart" only when elements have an `ondragstart`
// property. happy-dom's elements lack it, so Preact would listen for "DragStart" instead.
for (const name of ['ondragstart', 'ondragenter', 'ondragover', 'ondragleave', 'ondrop']) {
  if (!(name in HTMLElement.prototype)) {
    Object.defineProperty(HTMLElement.prototype, name, { value: null, writable: true });
  }
}

const NORMALIZED_REASON =
  'Same name apart from case, punctuation, accents or a suffix such as Inc. or LLC';

let container: HTMLElement;
let stored: AccountMapping | null;
let mappedPolicyIds: string[];
let productMappings: ProductMapping[];

function storedMapping(input: AccountMappingInput): AccountMapping {
  return { ...input, key: accountMappingKey(input), updatedAt: 1 };
}

beforeEach(() => {
  stored = null;
  mappedPolicyIds = [];
  productMappings = [];
  request.mockReset();
  postPanelEvent.mockReset();
  request.mockImplementation(async (message) => {
    switch (message.type) {
      case 'panel/policies':
        return POLICIES;
      case 'mappings/list':
        return productMappings;
      case 'accountMappings/forRecord':
        return stored;
      case 'accountMappings/mappedPolicies':
        return mappedPolicyIds;
      case 'accountMappings/save':
        stored = storedMapping(message.mapping as AccountMappingInput);
        mappedPolicyIds = [stored.policyId];
        return stored;
      case 'accountMappings/delete':
        stored = null;
        mappedPolicyIds = [];
        return null;
      default:
        return null;
    }
  });
  setHash(RECORD_HASH);
});

afterEach(() => {
  render(null, container);
});

function setHash(fields: Record<string, string>): void {
  window.location.hash = `#${new URLSearchParams(fields).toString()}`;
}

async function mount(): Promise<void> {
  container = document.createElement('div');
  document.body.replaceChildren(container);
  await act(async () => {
    render(<SidePanelApp />, container);
  });
  await vi.waitFor(() => expect(rows()).toHaveLength(3));
}

function byTestId<T extends HTMLElement = HTMLElement>(id: string): T | null {
  return container.querySelector<T>(`[data-testid="${id}"]`);
}

function rows(): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-testid="panel-policy"]')];
}

function row(name: string): HTMLElement {
  const found = rows().find((candidate) => candidate.textContent?.startsWith(name));
  if (!found) throw new Error(`No policy row named ${name}.`);
  return found;
}

function listedNames(): string[] {
  return rows().map(
    (candidate) => candidate.querySelector('[data-testid="panel-policy-name"]')!.textContent!,
  );
}

async function click(element: HTMLElement | null): Promise<void> {
  if (!element) throw new Error('Nothing to click.');
  await act(async () => {
    element.click();
  });
}

async function press(element: HTMLElement, key: string): Promise<void> {
  await act(async () => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

function buttonNamed(text: string): HTMLButtonElement | null {
  const buttons = [...container.querySelectorAll<HTMLButtonElement>('button')];
  return buttons.find((button) => button.textContent === text) ?? null;
}

function savedInputs(): unknown[] {
  return request.mock.calls
    .map(([message]) => message)
    .filter((message) => message.type === 'accountMappings/save')
    .map((message) => message.mapping);
}

const COMPANY_MAPPING: AccountMappingInput = {
  psa: 'connectwise',
  host: 'na.myconnectwise.net',
  companyId: '250',
  agreementId: null,
  companyName: 'Acme Dental, Inc.',
  policyId: 'a',
  policyName: 'Acme Dental',
};

describe('account mapping in the side panel', () => {
  it('shows the current mapping', async () => {
    stored = storedMapping(COMPANY_MAPPING);
    await mount();
    await vi.waitFor(() => expect(byTestId('current-mapping')).not.toBeNull());

    expect(byTestId('current-mapping-policy')?.textContent).toBe('Acme Dental');
    expect(byTestId('current-mapping-scope')?.textContent).toBe('whole company (ID 250)');
    expect(byTestId('mapping-drop-target')).toBeNull();
    expect(container.querySelectorAll('[data-testid="map-policy"]')).toHaveLength(0);
    expect(row('Acme Dental').textContent).toContain('Mapped to this record');
  });

  it('Change offers the policies again', async () => {
    stored = storedMapping(COMPANY_MAPPING);
    await mount();
    await vi.waitFor(() => expect(byTestId('change-mapping')).not.toBeNull());
    await click(byTestId('change-mapping'));
    await click(row('Oakridge Academy').querySelector('[data-testid="map-policy"]'));

    await vi.waitFor(() =>
      expect(byTestId('current-mapping-policy')?.textContent).toBe('Oakridge Academy'),
    );
    expect(savedInputs()).toEqual([
      { ...COMPANY_MAPPING, policyId: 'o', policyName: 'Oakridge Academy' },
    ]);
    expect(postPanelEvent).toHaveBeenCalledWith(window, 'mappings-changed');
  });

  it('Remove deletes the mapping by key', async () => {
    stored = storedMapping(COMPANY_MAPPING);
    await mount();
    await vi.waitFor(() => expect(byTestId('remove-mapping')).not.toBeNull());
    await click(byTestId('remove-mapping'));

    await vi.waitFor(() => expect(byTestId('current-mapping')).toBeNull());
    expect(request).toHaveBeenCalledWith({
      type: 'accountMappings/delete',
      key: 'connectwise|na.myconnectwise.net|company:250',
    });
    expect(postPanelEvent).toHaveBeenCalledWith(window, 'mappings-changed');
    expect(byTestId('account-mapping-status')?.textContent).toBe('Removed the mapping.');
  });

  it('keeps an exact match as a mapping', async () => {
    setHash({ ...RECORD_HASH, company: 'Acme Dental' });
    await mount();
    await click(byTestId('keep-match'));

    await vi.waitFor(() => expect(byTestId('current-mapping')).not.toBeNull());
    expect(savedInputs()).toEqual([{ ...COMPANY_MAPPING, companyName: 'Acme Dental' }]);
    expect(byTestId('exact-match-offer')).toBeNull();
  });

  it('applies a suggestion only when confirmed', async () => {
    await mount();
    const suggestion = byTestId('policy-suggestion')!;

    expect(byTestId('exact-match-offer')).toBeNull();
    expect(suggestion.querySelector('[data-testid="suggestion-name"]')?.textContent).toBe(
      'Acme Dental',
    );
    expect(suggestion.querySelector('[data-testid="suggestion-reason"]')?.textContent).toBe(
      NORMALIZED_REASON,
    );
    expect(savedInputs()).toEqual([]);

    await click(suggestion.querySelector('button'));
    await vi.waitFor(() =>
      expect(byTestId('account-mapping-status')?.textContent).toBe(
        'Mapped the company to Acme Dental.',
      ),
    );
    expect(savedInputs()).toEqual([COMPANY_MAPPING]);
  });

  it('maps the agreement only when chosen', async () => {
    await mount();
    await click(byTestId('scope-agreement'));
    await click(row('Oakridge Academy').querySelector('[data-testid="map-policy"]'));

    await vi.waitFor(() =>
      expect(savedInputs()).toEqual([
        { ...COMPANY_MAPPING, agreementId: '4107', policyId: 'o', policyName: 'Oakridge Academy' },
      ]),
    );
    expect(byTestId('current-mapping-scope')?.textContent).toBe('this agreement only (ID 4107)');
  });

  it('disables a scope without its id', async () => {
    setHash({ ...RECORD_HASH, companyId: '' });
    await mount();
    const company = byTestId<HTMLInputElement>('scope-company')!;
    const agreement = byTestId<HTMLInputElement>('scope-agreement')!;

    expect(company.disabled).toBe(true);
    expect(company.closest('label')?.textContent).toContain('The page shows no company ID.');
    expect(agreement.checked).toBe(true);
  });

  it('saves nothing without record ids', async () => {
    setHash({ company: 'Acme Dental, Inc.', psa: 'connectwise', host: 'na.myconnectwise.net' });
    await mount();

    expect(byTestId('account-mapping')?.textContent).toContain(
      'This page shows no company ID or agreement ID',
    );
    expect(byTestId('mapping-drop-target')).toBeNull();
    const types = request.mock.calls.map(([message]) => message.type);
    expect(types).not.toContain('accountMappings/forRecord');
  });

  it('keyboard picks up and maps a policy', async () => {
    await mount();
    const target = byTestId<HTMLButtonElement>('mapping-drop-target')!;
    row('Oakridge Academy').focus();
    await press(row('Oakridge Academy'), ' ');

    expect(document.activeElement).toBe(target);
    expect(target.textContent).toBe(
      'Map Oakridge Academy to this company: press Enter, or Escape to cancel',
    );
    expect(row('Oakridge Academy').classList.contains('picked')).toBe(true);
    await click(target);

    await vi.waitFor(() => expect(savedInputs()).toHaveLength(1));
    expect(savedInputs()[0]).toMatchObject({ policyId: 'o', companyId: '250' });
  });

  it('Escape puts a picked policy back', async () => {
    await mount();
    const target = byTestId<HTMLButtonElement>('mapping-drop-target')!;
    await press(row('Oakridge Academy'), 'Enter');
    await press(target, 'Escape');

    expect(document.activeElement).toBe(row('Oakridge Academy'));
    expect(target.textContent).toBe('Drop a policy here to map this company');
    expect(postPanelEvent).not.toHaveBeenCalledWith(window, 'close');
    await click(target);
    expect(savedInputs()).toEqual([]);
    expect(byTestId('account-mapping-status')?.textContent).toBe(
      'Pick a policy first: drag it here, or focus it and press Enter.',
    );
  });

  it('drop maps the dragged policy', async () => {
    await mount();
    const target = byTestId('mapping-drop-target')!;
    const dataTransfer = new DataTransfer();
    const dragEvent = (type: string) => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
      return event;
    };
    await act(async () => {
      row('Oakridge Academy').dispatchEvent(dragEvent('dragstart'));
    });
    const dragOver = dragEvent('dragover');
    await act(async () => {
      target.dispatchEvent(dragOver);
    });

    expect(dragOver.defaultPrevented).toBe(true);
    expect(target.classList.contains('drag-over')).toBe(true);
    await act(async () => {
      target.dispatchEvent(dragEvent('drop'));
    });
    await vi.waitFor(() => expect(savedInputs()).toHaveLength(1));
    expect(savedInputs()[0]).toMatchObject({ policyId: 'o', policyName: 'Oakridge Academy' });
  });

  it('ignores a drag of anything else', async () => {
    await mount();
    const dragOver = new Event('dragover', { bubbles: true, cancelable: true });
    const dataTransfer = new DataTransfer();
    dataTransfer.setData('text/plain', 'o');
    Object.defineProperty(dragOver, 'dataTransfer', { value: dataTransfer });
    await act(async () => {
      byTestId('mapping-drop-target')!.dispatchEvent(dragOver);
    });

    expect(dragOver.defaultPrevented).toBe(false);
  });

  it.each([
    ['all', ['Bright Smile Dental, LLC', 'Acme Dental', 'Oakridge Academy']],
    ['mapped', ['Oakridge Academy']],
    ['unmapped', ['Bright Smile Dental, LLC', 'Acme Dental']],
    ['suggested', ['Acme Dental']],
  ])('filter %s', async (filter, expected) => {
    mappedPolicyIds = ['o'];
    await mount();
    await vi.waitFor(() => expect(row('Oakridge Academy').textContent).toContain('Mapped'));
    await click(byTestId(`policy-filter-${filter}`));

    expect(listedNames()).toEqual(expected);
    expect(byTestId(`policy-filter-${filter}`)?.getAttribute('aria-pressed')).toBe('true');
  });

  it('Finish waits for both mappings', async () => {
    await mount();
    const finish = () => byTestId<HTMLButtonElement>('finish')!;
    const missing = () =>
      [...container.querySelectorAll('[data-testid="finish-missing"] li')].map(
        (item) => item.textContent,
      );

    expect(finish().disabled).toBe(true);
    expect(missing()).toEqual([
      'Map this company or agreement to an Addigy policy.',
      'Map at least one product on this agreement (MDM-MAC) to an Addigy count under PSA products.',
    ]);

    productMappings = [{ productId: 'MDM-MAC', service: 'macOS' }];
    await click(byTestId('policy-suggestion')!.querySelector('button'));
    await vi.waitFor(() => expect(finish().disabled).toBe(false));
    expect(missing()).toEqual([]);
    expect(byTestId('review-account')?.textContent).toBe(
      'Addigy policy: Acme Dental, whole company (ID 250)',
    );
    expect(byTestId('review-line')?.textContent).toBe('MDM-MACmacOS devices');

    await click(finish());
    expect(postPanelEvent).toHaveBeenLastCalledWith(window, 'close');
  });

  it('sends only messages the side panel may send', async () => {
    stored = storedMapping(COMPANY_MAPPING);
    await mount();
    await click(byTestId('remove-mapping'));
    await vi.waitFor(() => expect(buttonNamed('Map to this policy')).not.toBeNull());
    await click(buttonNamed('Map to this policy'));
    await vi.waitFor(() => expect(savedInputs()).toHaveLength(1));
    const handler = async () => null;
    const types = messageSchema.options.map((option) => option.shape.type.value);
    const handlers = Object.fromEntries(
      types.map((type) => [type, handler]),
    ) as unknown as Handlers;
    const ID = 'abcdefghijklmnopabcdefghijklmnop';
    const sidePanel = {
      id: ID,
      url: `chrome-extension://${ID}/sidepanel.html`,
      origin: `chrome-extension://${ID}`,
      tab: { id: 1, url: 'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx' },
      frameId: 3,
    };
    const policy = { extensionId: ID, psaPatterns: ['https://*.myconnectwise.net/*'] };
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    for (const [message] of request.mock.calls) {
      const reply = await handleMessage(message as Message, sidePanel, policy, handlers);
      expect(reply, message.type).toEqual({ ok: true, data: null });
    }
  });
});
