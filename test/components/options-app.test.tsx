// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../components/OptionsApp';
import { settingsSchema } from '../../lib/settings/settings';
import { IDLE_STATUS } from '../../lib/sync/sync-status';

type Request = { type: string };
const request = vi.fn<(message: Request) => Promise<unknown>>();

vi.mock('../../lib/messaging/client', () => ({
  request: (message: Request) => request(message),
}));

const STATE = {
  settings: settingsSchema.parse({ credentialsConfigured: true, apiPermissions: ['View Devices'] }),
  status: IDLE_STATUS,
  snapshot: null,
  vault: { mode: 'device-key' },
};

describe('OptionsApp', () => {
  beforeEach(() => {
    request.mockReset();
    // The notification section checks whether its optional permission is granted.
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => false);
    request.mockImplementation(async (message) => (message.type === 'state/get' ? STATE : []));
  });

  it('navigation links reach every section', async () => {
    const container = document.createElement('div');
    document.body.replaceChildren(container);
    render(<OptionsApp />, container);
    await vi.waitFor(() => expect(container.querySelector('nav.toc')).not.toBeNull());

    const links = [...container.querySelectorAll<HTMLAnchorElement>('nav.toc a')];
    const headings = [...container.querySelectorAll('main > section > h2, main > form > h2')];
    expect(links.map((link) => link.textContent)).toEqual(
      headings.map((heading) => heading.textContent),
    );
    for (const link of links) {
      const target = container.querySelector(link.getAttribute('href')!);
      expect(target?.tagName, link.textContent ?? '').toBe('H2');
      expect(target?.textContent).toBe(link.textContent);
    }
  });
});
