// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RUNNING_POLL_MS, useExtensionState } from '../../components/use-extension-state';
import { IDLE_STATUS } from '../../lib/sync/sync-status';

const request = vi.fn<(message: { type: string }) => Promise<unknown>>();
vi.mock('../../lib/messaging/client', () => ({
  request: (message: { type: string }) => request(message),
}));

function stateWith(status: typeof IDLE_STATUS) {
  return { settings: {}, status, snapshot: null, vault: { mode: 'device-key' } };
}

function Probe() {
  const { state } = useExtensionState();
  return <p>{state?.status.state ?? 'loading'}</p>;
}

let container: HTMLElement;

beforeEach(() => {
  // Only intervals are faked, so Preact's effects and the mocked replies run as usual.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  container = document.createElement('div');
  document.body.append(container);
  request.mockReset();
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

describe('useExtensionState', () => {
  it('asks for the state again while a sync runs', async () => {
    request.mockResolvedValue(stateWith({ ...IDLE_STATUS, state: 'running', runId: 'r' }));
    await act(async () => render(<Probe />, container));
    await vi.waitFor(() => expect(container.textContent).toBe('running'));
    const calls = request.mock.calls.length;

    await act(async () => {
      await vi.advanceTimersByTimeAsync(RUNNING_POLL_MS * 2);
    });
    expect(request.mock.calls.length).toBe(calls + 2);
  });

  it('does not poll when no sync runs', async () => {
    request.mockResolvedValue(stateWith(IDLE_STATUS));
    await act(async () => render(<Probe />, container));
    await vi.waitFor(() => expect(container.textContent).toBe('idle'));
    const calls = request.mock.calls.length;

    await act(async () => {
      await vi.advanceTimersByTimeAsync(RUNNING_POLL_MS * 2);
    });
    expect(request.mock.calls.length).toBe(calls);
  });
});
