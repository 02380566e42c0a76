// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { LineSummary } from '../../lib/overlay/line-summary';
import { createSummaryChip, type SummaryChip } from '../../lib/overlay/summary-chip';
import { panelEventData } from '../../lib/side-panel/link';

const PANEL_PAGE = 'chrome-extension://0f4d3a5e-2b1c-4d7e-9a8b-6c5d4e3f2a1b/sidepanel.html';
const SUMMARY: LineSummary = { matching: 2, over: 1, under: 0, difference: 3 };
const ACME = { companyName: 'Acme Dental', companyId: '250', recordId: '4107' };

let attachShadow: MockInstance<Element['attachShadow']>;
let controller: AbortController;
let onMappingsChanged: ReturnType<typeof vi.fn<() => void>>;
let chip: SummaryChip;

beforeEach(() => {
  attachShadow = vi.spyOn(Element.prototype, 'attachShadow');
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  // happy-dom loads no iframe pages and writes an error for each one it skips, through a console
  // that the test cannot reach. Only those lines are dropped.
  const writeError = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk, ...rest) =>
    String(chunk).includes('Iframe page loading is disabled')
      ? true
      : writeError(chunk, ...(rest as [])),
  );
  document.body.innerHTML = `
    <div class="cw_BannerView"><div class="detailLabel">Acme Dental</div><div>Agreement</div></div>`;
  controller = new AbortController();
  onMappingsChanged = vi.fn<() => void>();
  chip = createSummaryChip(document, {
    panelPageUrl: PANEL_PAGE,
    onMappingsChanged,
    signal: controller.signal,
  });
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

function anchor(): Element {
  return document.querySelector('.detailLabel')!;
}

/** Returns the chip's closed shadow root, captured from attachShadow. */
function chipRoot(): ShadowRoot {
  const result = attachShadow.mock.results[0];
  if (result?.type !== 'return') throw new Error('No shadow root was attached.');
  return result.value;
}

function button(): HTMLButtonElement {
  return chipRoot().querySelector('button')!;
}

function panelFrame(): HTMLIFrameElement | null {
  return chipRoot().querySelector('iframe');
}

/** Gives the panel's iframe a stand-in window, because happy-dom loads no extension page. */
function givePanelWindow(): Window {
  const panelWindow = {} as Window;
  Object.defineProperty(panelFrame()!, 'contentWindow', { value: panelWindow });
  return panelWindow;
}

function postFrom(source: Window, data: unknown): void {
  window.dispatchEvent(new MessageEvent('message', { data, source }));
}

describe('summary chip', () => {
  it('sits right after the anchor', () => {
    const host = chip.render(anchor(), SUMMARY, ACME);

    expect(host.previousElementSibling).toBe(anchor());
    expect(host.tagName).toMatch(/^ADDIGY-SUMMARY-CHIP-[0-9A-F]{8}$/);
    expect(host.hasAttribute('data-addigy-summary')).toBe(true);
  });

  it('uses a closed shadow root', () => {
    const host = chip.render(anchor(), SUMMARY, ACME);

    expect(attachShadow).toHaveBeenCalledWith({ mode: 'closed' });
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
  });

  it('shows the summary as text and attributes', () => {
    const host = chip.render(anchor(), SUMMARY, ACME);

    expect(chipRoot().querySelector('.summary')?.textContent).toBe(
      'Addigy: 2 lines match, 1 off, total difference +3',
    );
    expect(host.getAttribute('data-matching')).toBe('2');
    expect(host.getAttribute('data-off')).toBe('1');
    expect(host.getAttribute('data-over')).toBe('1');
    expect(host.getAttribute('data-under')).toBe('0');
    expect(host.getAttribute('data-difference')).toBe('3');
    expect(host.getAttribute('data-panel')).toBe('closed');
  });

  it('updates in place on re-render', () => {
    const first = chip.render(anchor(), SUMMARY, ACME);
    const second = chip.render(anchor(), { matching: 0, over: 0, under: 2, difference: -4 }, ACME);

    expect(second).toBe(first);
    expect(document.querySelectorAll('[data-addigy-summary]')).toHaveLength(1);
    expect(attachShadow).toHaveBeenCalledTimes(1);
    expect(chipRoot().querySelectorAll('.chip')).toHaveLength(1);
    expect(chipRoot().querySelector('.summary')?.textContent).toBe(
      'Addigy: 0 lines match, 2 off, total difference -4',
    );
    expect(second.getAttribute('data-matching')).toBe('0');
    expect(second.getAttribute('data-off')).toBe('2');
    expect(second.getAttribute('data-difference')).toBe('-4');
  });

  it('keeps an open panel across re-renders', () => {
    chip.render(anchor(), SUMMARY, ACME);
    button().click();
    const frame = panelFrame();
    const host = chip.render(anchor(), SUMMARY, ACME);

    expect(panelFrame()).toBe(frame);
    expect(host.getAttribute('data-panel')).toBe('open');
  });

  it('follows a new anchor', () => {
    chip.render(anchor(), SUMMARY, ACME);
    document.body.innerHTML =
      '<div class="cw_BannerView"><div class="detailLabel">Acme</div></div>';
    const host = chip.render(anchor(), SUMMARY, { companyName: 'Acme', recordId: null });

    expect(host.isConnected).toBe(true);
    expect(host.previousElementSibling).toBe(anchor());
  });

  it('replaces a chip it did not create', () => {
    const stale = document.createElement('addigy-summary-chip');
    stale.setAttribute('data-addigy-summary', '');
    document.body.append(stale);
    const host = chip.render(anchor(), SUMMARY, ACME);

    expect(stale.isConnected).toBe(false);
    expect([...document.querySelectorAll('[data-addigy-summary]')]).toEqual([host]);
  });

  it('is removed with its panel', () => {
    const host = chip.render(anchor(), SUMMARY, ACME);
    button().click();
    chip.remove();

    expect(host.isConnected).toBe(false);
    expect(panelFrame()).toBeNull();
  });
});

describe('summary chip panel', () => {
  it('has a real button', () => {
    chip.render(anchor(), SUMMARY, ACME);

    expect(button().type).toBe('button');
    expect(button().textContent).toBe('Mappings');
    expect(button().getAttribute('aria-expanded')).toBe('false');
  });

  it('opens and closes on the button', () => {
    const host = chip.render(anchor(), SUMMARY, ACME);
    button().click();
    const region = chipRoot().querySelector('[role="region"]');

    expect(panelFrame()?.getAttribute('src')).toBe(`${PANEL_PAGE}#company=Acme+Dental`);
    expect(panelFrame()?.title).toBe('Addigy mappings');
    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect(button().getAttribute('aria-controls')).toBe(region?.id);
    expect(host.getAttribute('data-panel')).toBe('open');

    button().click();

    expect(panelFrame()).toBeNull();
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(host.getAttribute('data-panel')).toBe('closed');
  });

  it('closes on Escape and focuses the button', () => {
    const host = chip.render(anchor(), SUMMARY, ACME);
    button().click();
    button().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));

    expect(panelFrame()).toBeNull();
    expect(host.getAttribute('data-panel')).toBe('closed');
    expect(chipRoot().activeElement).toBe(button());
  });

  it('ignores other keys', () => {
    chip.render(anchor(), SUMMARY, ACME);
    button().click();
    button().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));

    expect(panelFrame()).not.toBeNull();
  });

  it("closes on the panel's close event", () => {
    const host = chip.render(anchor(), SUMMARY, ACME);
    button().click();
    postFrom(givePanelWindow(), panelEventData('close'));

    expect(panelFrame()).toBeNull();
    expect(host.getAttribute('data-panel')).toBe('closed');
    expect(chipRoot().activeElement).toBe(button());
  });

  it('reports mapping changes from the panel', () => {
    chip.render(anchor(), SUMMARY, ACME);
    button().click();
    postFrom(givePanelWindow(), panelEventData('mappings-changed'));

    expect(onMappingsChanged).toHaveBeenCalledTimes(1);
    expect(panelFrame()).not.toBeNull();
  });

  it('ignores events from other windows', () => {
    chip.render(anchor(), SUMMARY, ACME);
    button().click();
    givePanelWindow();
    postFrom(window, panelEventData('close'));
    postFrom(window, panelEventData('mappings-changed'));

    expect(panelFrame()).not.toBeNull();
    expect(onMappingsChanged).not.toHaveBeenCalled();
  });

  it('stops listening once aborted', () => {
    chip.render(anchor(), SUMMARY, ACME);
    button().click();
    const panelWindow = givePanelWindow();
    controller.abort();
    postFrom(panelWindow, panelEventData('mappings-changed'));

    expect(onMappingsChanged).not.toHaveBeenCalled();
  });

  it('closes when the page loads another page into it', () => {
    const host = chip.render(anchor(), SUMMARY, ACME);
    button().click();
    const frame = panelFrame()!;
    frame.dispatchEvent(new Event('load'));

    expect(panelFrame()).toBe(frame);

    frame.dispatchEvent(new Event('load'));

    expect(panelFrame()).toBeNull();
    expect(host.getAttribute('data-panel')).toBe('closed');
  });

  it('loads the new company into an open panel', () => {
    chip.render(anchor(), SUMMARY, ACME);
    button().click();
    const frame = panelFrame()!;
    frame.dispatchEvent(new Event('load'));
    chip.render(anchor(), SUMMARY, { companyName: 'Oakridge Academy', recordId: null });

    expect(frame.getAttribute('src')).toBe(`${PANEL_PAGE}#company=Oakridge+Academy`);

    frame.dispatchEvent(new Event('load'));

    expect(panelFrame()).toBe(frame);
  });
});

describe('summary chip panel on a ConnectWise page', () => {
  /** Shows a ConnectWise agreement of Acme Dental with the given record ids. */
  function showAgreement(companyId: string, agreementId: string): void {
    document.body.innerHTML = `
      <div class="cw_BannerView"><div class="detailLabel">Acme Dental</div>
        <a href="openrecord.rails?recordType=CompanyFV&recid=${companyId}">Company</a>
        <a href="openrecord.rails?recordType=AgreementFV&recid=${agreementId}">Agreement</a>
      </div>
      <table>
        <tr><th>Product ID</th><th>Quantity</th></tr>
        <tr class="cw-ml-row"><td>MDM-TOTAL</td><td>4</td></tr>
      </table>`;
  }

  beforeEach(() => {
    window.history.replaceState(null, '', '/v4_6_release/ConnectWise.aspx');
  });

  it('follows a same-named record', () => {
    showAgreement('250', '4107');
    chip.render(anchor(), SUMMARY, ACME);
    button().click();
    const frame = panelFrame()!;
    const first = new URLSearchParams(frame.getAttribute('src')!.split('#')[1]);

    expect(first.get('companyId')).toBe('250');
    expect(first.get('agreementId')).toBe('4107');

    // The banner element stays, as a single-page app updates it in place.
    const banner = anchor().parentElement!;
    banner
      .querySelector('a[href*="CompanyFV"]')!
      .setAttribute('href', 'openrecord.rails?recordType=CompanyFV&recid=251');
    banner
      .querySelector('a[href*="AgreementFV"]')!
      .setAttribute('href', 'openrecord.rails?recordType=AgreementFV&recid=4230');
    chip.render(anchor(), SUMMARY, { ...ACME, companyId: '251', recordId: '4230' });
    const second = new URLSearchParams(frame.getAttribute('src')!.split('#')[1]);

    expect(panelFrame()).toBe(frame);
    expect(second.get('company')).toBe('Acme Dental');
    expect(second.get('companyId')).toBe('251');
    expect(second.get('agreementId')).toBe('4230');
  });

  it('keeps the panel when nothing changed', () => {
    showAgreement('250', '4107');
    chip.render(anchor(), SUMMARY, ACME);
    button().click();
    const frame = panelFrame()!;
    const src = frame.getAttribute('src');
    chip.render(anchor(), SUMMARY, { ...ACME });

    expect(frame.getAttribute('src')).toBe(src);
  });
});
