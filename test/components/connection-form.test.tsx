// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionForm } from '../../components/ConnectionForm';
import type { Settings } from '../../lib/settings/settings';

const requestHostPermission = vi.fn<(url: string) => Promise<boolean>>();
const request = vi.fn<(message: unknown) => Promise<unknown>>();

vi.mock('../../lib/permissions/host-permissions', () => ({
  requestHostPermission: (url: string) => requestHostPermission(url),
}));
vi.mock('../../lib/messaging/client', () => ({
  request: (message: unknown) => request(message),
}));

const settings: Settings = {
  apiVersion: 'v2',
  apiUrl: 'https://api.addigy.com',
  credentialsConfigured: false,
  credentialHint: null,
  apiPermissions: null,
  syncIntervalMinutes: 60,
  accountLevel: { kind: 'roots' },
  staleAfterDays: 30,
  snapshotsKept: 90,
  maxRequestsPerWindow: 300,
  maxInFlight: 8,
  psaSites: [],
};

function mount(): HTMLElement {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  render(<ConnectionForm settings={settings} onChanged={async () => {}} />, container);
  return container;
}

function type(container: HTMLElement, selector: string, value: string): void {
  const input = container.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function submit(container: HTMLElement): Promise<string> {
  await act(async () => {
    container
      .querySelector('form')!
      .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await vi.waitFor(() =>
    expect(container.querySelector('[data-testid="connection-result"]')).not.toBeNull(),
  );
  return container.querySelector('[data-testid="connection-result"]')!.textContent ?? '';
}

describe('ConnectionForm', () => {
  beforeEach(() => {
    requestHostPermission.mockReset();
    request.mockReset();
  });

  it('asks for the API host before authenticating', async () => {
    requestHostPermission.mockResolvedValue(true);
    request.mockResolvedValue({ permissions: ['View Devices'], orgId: null });
    const container = mount();
    await act(() => {
      type(container, '#api-url', 'http://127.0.0.1:4010');
      type(container, '#api-key', 'key-1');
    });
    expect(await submit(container)).toContain('Connected.');
    expect(requestHostPermission).toHaveBeenCalledWith('http://127.0.0.1:4010');
    expect(request).toHaveBeenCalledWith({
      type: 'credentials/authenticate',
      credentials: { apiVersion: 'v2', apiUrl: 'http://127.0.0.1:4010', apiKey: 'key-1' },
    });
    expect(container.querySelector<HTMLInputElement>('#api-key')!.value).toBe('');
  });

  it('denied permission sends nothing', async () => {
    requestHostPermission.mockResolvedValue(false);
    const container = mount();
    await act(() => {
      type(container, '#api-url', 'http://127.0.0.1:4010');
      type(container, '#api-key', 'key-1');
    });
    expect(await submit(container)).toBe(
      'Access to 127.0.0.1:4010 was not granted. Click Authenticate again and choose Allow.',
    );
    expect(request).not.toHaveBeenCalled();
  });

  it('empty key is rejected before any request', async () => {
    const container = mount();
    expect(await submit(container)).toBe('Paste the API key from Addigy > Account > Integrations.');
    expect(requestHostPermission).not.toHaveBeenCalled();
    expect(request).not.toHaveBeenCalled();
  });

  it('background error is shown', async () => {
    requestHostPermission.mockResolvedValue(true);
    request.mockRejectedValue(new Error('Addigy rejected the credentials (401).'));
    const container = mount();
    await act(() => type(container, '#api-key', 'bad'));
    expect(await submit(container)).toBe('Addigy rejected the credentials (401).');
  });
});
