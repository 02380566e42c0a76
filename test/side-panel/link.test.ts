import { describe, expect, it, vi } from 'vitest';
import {
  panelEventData,
  postPanelEvent,
  readCompanyName,
  readPanelEvent,
  sidePanelUrl,
} from '../../lib/side-panel/link';

const PAGE = 'chrome-extension://0f4d3a5e-2b1c-4d7e-9a8b-6c5d4e3f2a1b/sidepanel.html';

describe('sidePanelUrl', () => {
  it('puts the company in the fragment', () => {
    expect(sidePanelUrl(PAGE, 'Café Nova & Co')).toBe(`${PAGE}#company=Caf%C3%A9+Nova+%26+Co`);
  });

  it('replaces an existing fragment', () => {
    expect(sidePanelUrl(`${PAGE}#company=Old`, 'New')).toBe(`${PAGE}#company=New`);
  });

  it('cuts the company to 200 characters', () => {
    const url = sidePanelUrl(PAGE, 'x'.repeat(300));

    expect(url).toBe(`${PAGE}#company=${'x'.repeat(200)}`);
  });
});

describe('readCompanyName', () => {
  it.each([
    ['#company=Acme+Dental', 'Acme Dental'],
    ['#company=Caf%C3%A9%20Nova%20%26%20Co', 'Café Nova & Co'],
    ['#company=%20%20Acme%20', 'Acme'],
    ['#company=%3Cimg%20src%3Dx%3E', '<img src=x>'],
    ['', ''],
    ['#other=1', ''],
    [`#company=${'y'.repeat(250)}`, 'y'.repeat(200)],
  ])('%s', (hash, expected) => {
    expect(readCompanyName(hash)).toBe(expected);
  });

  it('reads back what sidePanelUrl wrote', () => {
    const url = new URL(sidePanelUrl(PAGE, 'Bright Smile Dental, LLC'));

    expect(readCompanyName(url.hash)).toBe('Bright Smile Dental, LLC');
  });
});

describe('readPanelEvent', () => {
  it.each([
    ['close', panelEventData('close'), 'close'],
    ['mappings changed', panelEventData('mappings-changed'), 'mappings-changed'],
    ['an unknown event', { ...panelEventData('close'), event: 'open' }, null],
    ['another source', { source: 'page', event: 'close' }, null],
    ['a string', 'close', null],
    ['null', null, null],
  ])('%s', (_name, data, expected) => {
    expect(readPanelEvent(data)).toBe(expected);
  });
});

describe('postPanelEvent', () => {
  function framedPanel(ancestorOrigins?: string[]) {
    const postMessage = vi.fn();
    const panel = { parent: { postMessage }, location: { ancestorOrigins } };
    return { panel: panel as unknown as Window, postMessage };
  }

  it('posts to the embedding origin', () => {
    const { panel, postMessage } = framedPanel(['https://na.myconnectwise.net']);
    postPanelEvent(panel, 'close');

    expect(postMessage).toHaveBeenCalledWith(
      panelEventData('close'),
      'https://na.myconnectwise.net',
    );
  });

  it('posts to any origin without ancestorOrigins', () => {
    const { panel, postMessage } = framedPanel();
    postPanelEvent(panel, 'mappings-changed');

    expect(postMessage).toHaveBeenCalledWith(panelEventData('mappings-changed'), '*');
  });

  it('posts nothing outside a frame', () => {
    const postMessage = vi.fn();
    const panel = { postMessage, location: {} } as unknown as Window & { parent: Window };
    panel.parent = panel;
    postPanelEvent(panel, 'close');

    expect(postMessage).not.toHaveBeenCalled();
  });
});
