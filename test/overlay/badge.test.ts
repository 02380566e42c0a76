// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { removeCountBadges, renderCountBadge, type BadgeView } from '../../lib/overlay/badge';
import { createConnectWiseAdapter } from '../../lib/psa/connectwise/adapter';
import type { AgreementLine } from '../../lib/psa/types';
import { loadAgreementPage } from '../psa/connectwise/fixture-page';

let attachShadow: MockInstance<Element['attachShadow']>;

beforeEach(() => {
  attachShadow = vi.spyOn(Element.prototype, 'attachShadow');
  document.body.innerHTML = `
    <table><tr class="cw-ml-row"><td>MDM-MAC</td><td><div>12.00</div></td></tr></table>`;
});

afterEach(() => {
  vi.restoreAllMocks();
});

function makeLine(): AgreementLine {
  const row = document.querySelector<HTMLTableRowElement>('tr')!;
  return {
    productId: 'MDM-MAC',
    description: '',
    quantity: 12,
    lessIncluded: 0,
    billable: true,
    cancelled: false,
    row,
    quantityCell: row.cells[1] as HTMLElement,
  };
}

function makeView(addigyCount: number, details: Partial<BadgeView> = {}): BadgeView {
  return {
    addigyCount,
    billed: 12,
    serviceLabel: 'macOS devices',
    policyName: 'Acme Dental',
    ...details,
  };
}

/** Returns the closed shadow root of the n-th badge host, captured from attachShadow. */
function badgeRoot(index = 0): ShadowRoot {
  const result = attachShadow.mock.results[index];
  if (result?.type !== 'return') throw new Error(`No shadow root number ${index} was attached.`);
  return result.value;
}

describe('renderCountBadge', () => {
  it.each([
    [12, 'match', 'matches', 'The counts match.'],
    [15, 'over', '+3 over', 'Addigy has 3 more.'],
    [9, 'under', '3 under', 'Addigy has 3 fewer.'],
    [12.5, 'over', '+0.5 over', 'Addigy has 0.5 more.'],
  ])('shows %d against 12 as %s', (count, status, label, outcome) => {
    const host = renderCountBadge(makeLine(), makeView(count));
    const badge = badgeRoot().querySelector('.badge');

    expect(host.getAttribute('data-status')).toBe(status);
    expect(host.getAttribute('data-count')).toBe(String(count));
    expect(host.getAttribute('data-billed')).toBe('12');
    expect(badge?.className).toBe(`badge ${status}`);
    expect(badge?.querySelector('.source')?.textContent).toBe('Addigy');
    expect(badge?.querySelector('.count')?.textContent).toBe(String(count));
    expect(badge?.querySelector('.status')?.textContent).toBe(label);
    expect(badge?.getAttribute('title')).toBe(
      `Addigy policy "Acme Dental", macOS devices: ${count}\n` +
        `Billed on this line: 12. ${outcome}`,
    );
  });

  it('places the host in the quantity cell', () => {
    const line = makeLine();
    const host = renderCountBadge(line, makeView(12));

    expect(host.parentElement).toBe(line.quantityCell);
    expect(host.tagName).toMatch(/^ADDIGY-COUNT-BADGE-[0-9A-F]{8}$/);
    expect(host.hasAttribute('data-addigy-badge')).toBe(true);
    expect(line.quantityCell.textContent).toBe('12.00');
  });

  it('uses a closed shadow root', () => {
    const host = renderCountBadge(makeLine(), makeView(12));

    expect(attachShadow).toHaveBeenCalledWith({ mode: 'closed' });
    expect(host.shadowRoot).toBeNull();
  });

  it('names policy and service in the title', () => {
    renderCountBadge(makeLine(), makeView(15));

    expect(badgeRoot().querySelector('.badge')?.getAttribute('title')).toBe(
      'Addigy policy "Acme Dental", macOS devices: 15\n' +
        'Billed on this line: 12. Addigy has 3 more.',
    );
  });

  it('formats large counts with separators', () => {
    renderCountBadge(makeLine(), makeView(1234, { billed: 1000 }));

    expect(badgeRoot().querySelector('.count')?.textContent).toBe('1,234');
    expect(badgeRoot().querySelector('.status')?.textContent).toBe('+234 over');
  });

  it('updates in place on re-render', () => {
    const line = makeLine();
    const first = renderCountBadge(line, makeView(12));
    const second = renderCountBadge(line, makeView(9));

    expect(second).toBe(first);
    expect(line.quantityCell.querySelectorAll('[data-addigy-badge]')).toHaveLength(1);
    expect(attachShadow).toHaveBeenCalledTimes(1);
    expect(second.getAttribute('data-status')).toBe('under');
    expect(second.getAttribute('data-count')).toBe('9');
    expect(badgeRoot().querySelectorAll('.badge')).toHaveLength(1);
    expect(badgeRoot().querySelectorAll('style')).toHaveLength(1);
  });

  it('replaces a host it did not create', () => {
    const line = makeLine();
    const stale = document.createElement('addigy-count-badge');
    stale.setAttribute('data-addigy-badge', '');
    line.quantityCell.append(stale);
    const host = renderCountBadge(line, makeView(12));

    expect(host).not.toBe(stale);
    expect(stale.isConnected).toBe(false);
    expect(line.quantityCell.querySelectorAll('[data-addigy-badge]')).toHaveLength(1);
  });

  it('sets page text as text only', () => {
    const policyName = '<img src="x" onerror="alert(1)">';
    const serviceLabel = '<b>macOS</b>';
    renderCountBadge(makeLine(), makeView(12, { policyName, serviceLabel }));
    const root = badgeRoot();

    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('.badge')?.getAttribute('title')).toBe(
      `Addigy policy "${policyName}", ${serviceLabel}: 12\n` +
        'Billed on this line: 12. The counts match.',
    );
  });

  it('rejects a count that is not a number', () => {
    const line = makeLine();

    expect(() => renderCountBadge(line, makeView(Number.NaN))).toThrow(RangeError);
    expect(line.quantityCell.querySelector('[data-addigy-badge]')).toBeNull();
  });
});

describe('removeCountBadges', () => {
  it('removes every badge', () => {
    document.body.innerHTML = `
      <table>
        <tr><td>A</td><td>1</td></tr>
        <tr><td>B</td><td>2</td></tr>
      </table>`;
    for (const row of document.querySelectorAll('tr')) {
      renderCountBadge({ ...makeLine(), row, quantityCell: row.cells[1]! }, makeView(1));
    }

    expect(removeCountBadges(document)).toBe(2);
    expect(document.querySelectorAll('[data-addigy-badge]')).toHaveLength(0);
    expect(removeCountBadges(document)).toBe(0);
  });
});

describe('count badges on the ConnectWise fixture', () => {
  it('leave the quantities readable', () => {
    const doc = loadAgreementPage();
    const adapter = createConnectWiseAdapter();
    const before = adapter.readAgreement(doc)!;
    for (const line of before.lines) renderCountBadge(line, makeView(7, { billed: line.quantity }));
    const after = adapter.readAgreement(doc)!;

    expect(after.lines.map((line) => line.quantity)).toEqual([12, 5, 30, 1250, 10, 3]);
    expect(doc.querySelectorAll('[data-addigy-badge]')).toHaveLength(6);
    expect(removeCountBadges(doc)).toBe(6);
  });
});
