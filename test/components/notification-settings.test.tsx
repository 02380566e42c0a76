// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NotificationSettings } from '../../components/NotificationSettings';
import { loadNotificationsEnabled } from '../../lib/notifications/count-changes';

let container: HTMLElement;
let answer: boolean;
const request = vi.fn(async () => answer);
const remove = vi.fn(async () => true);

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
  answer = true;
  request.mockClear();
  remove.mockClear();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => false);
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(request);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(remove);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

async function renderSettings(): Promise<HTMLInputElement> {
  await act(async () => {
    render(<NotificationSettings />, container);
  });
  const box = container.querySelector<HTMLInputElement>('[data-testid="notify-count-changes"]')!;
  await vi.waitFor(() => expect(box.disabled).toBe(false));
  return box;
}

describe('NotificationSettings', () => {
  it('says so when the permission cannot be read', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => {
      throw new Error('permissions unavailable');
    });
    const box = await renderSettings();
    expect(box.checked).toBe(false);
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Could not read the notification setting: permissions unavailable. Reopen the options to try again.',
    );
  });

  it('is off by default', async () => {
    const box = await renderSettings();
    expect(box.checked).toBe(false);
  });

  it('turns on once the permission is granted', async () => {
    const box = await renderSettings();
    await act(async () => box.click());
    await vi.waitFor(() => expect(box.checked).toBe(true));
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(await loadNotificationsEnabled()).toBe(true);
  });

  it('stays off when the permission is denied', async () => {
    answer = false;
    const box = await renderSettings();
    await act(async () => box.click());
    await vi.waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toBe(
        'The browser did not grant the notification permission, so it stays off.',
      ),
    );
    expect(box.checked).toBe(false);
    expect(await loadNotificationsEnabled()).toBe(false);
  });

  it('turns off and gives the permission back', async () => {
    const box = await renderSettings();
    await act(async () => box.click());
    await vi.waitFor(() => expect(box.checked).toBe(true));
    await act(async () => box.click());
    await vi.waitFor(() => expect(box.checked).toBe(false));
    expect(remove).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(await loadNotificationsEnabled()).toBe(false);
  });
});
