// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionForm } from '../../components/ConnectionForm';
import { Diagnostics, formatDuration } from '../../components/Diagnostics';
import { PsaSites } from '../../components/PsaSites';
import { SettingsTransfer } from '../../components/SettingsTransfer';
import { settingsSchema } from '../../lib/settings/settings';
import type { SyncHistoryEntry } from '../../lib/sync/sync-history';

type Request = { type: string; [field: string]: unknown };
const request = vi.fn<(message: Request) => Promise<unknown>>();
const downloadText = vi.fn();

vi.mock('../../lib/messaging/client', () => ({
  request: (message: Request) => request(message),
}));
vi.mock('../../lib/export/download', () => ({
  downloadText: (...args: unknown[]) => downloadText(...args),
}));

const START = Date.parse('2026-12-04T10:00:00Z');
const HISTORY: SyncHistoryEntry[] = [
  {
    id: 2,
    runId: 'b2',
    apiVersion: 'v2',
    startedAt: START + 60_000,
    finishedAt: START + 72_400,
    outcome: 'succeeded',
    pagesFetched: 3,
    devicesReceived: 250,
    error: null,
    warnings: ['Addigy reported 251 devices but sent 250.'],
  },
  {
    id: 1,
    runId: 'a1',
    apiVersion: 'v2',
    startedAt: START,
    finishedAt: START + 420,
    outcome: 'failed',
    pagesFetched: 0,
    devicesReceived: 0,
    error: 'Addigy rejected the API key (401).',
    warnings: [],
  },
];

function mount(element: preact.JSX.Element): HTMLElement {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  render(element, container);
  return container;
}

function cells(row: Element): string[] {
  return [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '');
}

describe('Diagnostics', () => {
  beforeEach(() => {
    request.mockReset();
    downloadText.mockReset();
  });

  it('lists runs with outcome, error and warnings', async () => {
    request.mockResolvedValue(HISTORY);
    const container = mount(<Diagnostics />);
    await vi.waitFor(() =>
      expect(container.querySelectorAll('[data-testid="sync-history-row"]')).toHaveLength(2),
    );
    const [success, failure] = container.querySelectorAll('[data-testid="sync-history-row"]');
    expect(cells(success!).slice(1)).toEqual([
      '12.4 s',
      '3',
      '250',
      'Succeeded',
      'Addigy reported 251 devices but sent 250.',
    ]);
    expect(cells(failure!).slice(1)).toEqual([
      '420 ms',
      '0',
      '0',
      'Failed',
      'Addigy rejected the API key (401).',
    ]);
    expect(failure!.querySelector('time')?.getAttribute('datetime')).toBe(
      '2026-12-04T10:00:00.000Z',
    );
    expect(container.querySelectorAll('th[scope="col"]')).toHaveLength(6);
  });

  it('folds more than two warnings', async () => {
    request.mockResolvedValue([{ ...HISTORY[0]!, warnings: ['One.', 'Two.', 'Three.'] }]);
    const container = mount(<Diagnostics />);
    await vi.waitFor(() => expect(container.querySelector('details summary')).not.toBeNull());
    expect(container.querySelector('details summary')?.textContent).toBe('3 warnings');
    expect(container.querySelectorAll('details li')).toHaveLength(3);
  });

  it('says when no sync has finished', async () => {
    request.mockResolvedValue([]);
    const container = mount(<Diagnostics />);
    await vi.waitFor(() =>
      expect(container.querySelector('[data-testid="sync-history-empty"]')?.textContent).toBe(
        'No sync has finished yet.',
      ),
    );
  });

  it('downloads the log the background built', async () => {
    request.mockImplementation(async (message) =>
      message.type === 'diagnostics/log' ? 'header\nline\n' : [],
    );
    const container = mount(<Diagnostics />);
    await act(async () => {
      container.querySelector<HTMLButtonElement>('[data-testid="download-log"]')!.click();
    });
    await vi.waitFor(() => expect(downloadText).toHaveBeenCalledTimes(1));
    const [name, text, type] = downloadText.mock.calls[0]!;
    expect(name).toMatch(/^addigy-counts-log-\d{4}-\d{2}-\d{2}\.txt$/);
    expect(text).toBe('header\nline\n');
    expect(type).toBe('text/plain');
  });

  it('names a failed log download', async () => {
    request.mockImplementation(async (message) => {
      if (message.type === 'diagnostics/log') throw new Error('The database is unavailable.');
      return [];
    });
    const container = mount(<Diagnostics />);
    await act(async () => {
      container.querySelector<HTMLButtonElement>('[data-testid="download-log"]')!.click();
    });
    await vi.waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toBe(
        'The log could not be built: The database is unavailable. Reload this page and try again.',
      ),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [999, '999 ms'],
    [1000, '1.0 s'],
    [59_940, '59.9 s'],
    [185_000, '3 min 5 s'],
  ])('%d ms', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('SettingsTransfer', () => {
  beforeEach(() => {
    request.mockReset();
  });

  async function choose(container: HTMLElement, file: File): Promise<void> {
    const input = container.querySelector<HTMLInputElement>('#settings-import')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  it('reports an import and the sites to add', async () => {
    request.mockResolvedValue({
      accounts: 2,
      products: 1,
      sitesToAdd: ['https://psa.example.com'],
    });
    const onImported = vi.fn(async () => {});
    const container = mount(<SettingsTransfer onImported={onImported} />);
    await choose(container, new File(['{"format":"x"}'], 'settings.json'));
    await vi.waitFor(() =>
      expect(container.querySelector('[role="status"]')?.textContent).toBe(
        'Imported the sync settings, 2 account mappings and 1 product mapping. Add these PSA sites under PSA sites, so the browser can ask for access: https://psa.example.com.',
      ),
    );
    expect(request).toHaveBeenCalledWith({ type: 'settings/import', file: { format: 'x' } });
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('rejects a file that is not JSON before sending it', async () => {
    const onImported = vi.fn(async () => {});
    const container = mount(<SettingsTransfer onImported={onImported} />);
    await choose(container, new File(['not json'], 'notes.txt'));
    await vi.waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toMatch(
        /^"notes.txt" is not a JSON file \(.+\)\. Choose a file made by Export settings\. Nothing was imported\.$/,
      ),
    );
    expect(request).not.toHaveBeenCalled();
    expect(onImported).not.toHaveBeenCalled();
  });

  it('shows the background rejection', async () => {
    request.mockRejectedValue(new Error('The settings file is invalid at version: expected 1.'));
    const container = mount(<SettingsTransfer onImported={async () => {}} />);
    await choose(container, new File(['{}'], 'settings.json'));
    await vi.waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toBe(
        'The settings file is invalid at version: expected 1.',
      ),
    );
  });
});

describe('ConnectionForm permissions', () => {
  const configured = settingsSchema.parse({ credentialsConfigured: true, apiVersion: 'v2' });

  it('lists the key permissions', () => {
    const container = mount(
      <ConnectionForm
        settings={{ ...configured, apiPermissions: ['View Devices', 'View Policies'] }}
        onChanged={async () => {}}
      />,
    );
    const list = container.querySelectorAll('[data-testid="api-permissions"] li');
    expect([...list].map((item) => item.textContent)).toEqual(['View Devices', 'View Policies']);
    expect(container.querySelector('[data-testid="api-permissions"] .error')).toBeNull();
  });

  it('warns when View Devices is missing', () => {
    const container = mount(
      <ConnectionForm
        settings={{ ...configured, apiPermissions: ['View Policies'] }}
        onChanged={async () => {}}
      />,
    );
    expect(container.querySelector('[data-testid="api-permissions"] .error')?.textContent).toBe(
      'The key lacks "View Devices", so syncs fail. Add that permission to the key in Addigy under Account > Integrations.',
    );
  });

  it('says V1 reports no permissions', () => {
    const container = mount(
      <ConnectionForm settings={{ ...configured, apiVersion: 'v1' }} onChanged={async () => {}} />,
    );
    expect(container.querySelector('[data-testid="api-permissions"]')?.textContent).toBe(
      'API V1 does not report the permissions of a client ID.',
    );
    expect(container.querySelector('[data-testid="v1-notice"]')).not.toBeNull();
  });
});

describe('error states', () => {
  beforeEach(() => {
    request.mockReset();
  });

  it('PsaSites names a failed removal', async () => {
    request.mockRejectedValue(new Error('The background did not respond.'));
    const onChanged = vi.fn(async () => {});
    const container = mount(<PsaSites sites={['https://psa.example.com']} onChanged={onChanged} />);
    await act(async () => {
      container
        .querySelector<HTMLButtonElement>('[aria-label="Remove https://psa.example.com"]')!
        .click();
    });
    await vi.waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toBe(
        'Removing https://psa.example.com failed: The background did not respond. Reload this page and try again.',
      ),
    );
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('ConnectionForm names a failed forget', async () => {
    request.mockRejectedValue(new Error('The background did not respond.'));
    const settings = settingsSchema.parse({ credentialsConfigured: true });
    const container = mount(<ConnectionForm settings={settings} onChanged={async () => {}} />);
    const forget = [...container.querySelectorAll('button')].find(
      (button) => button.textContent === 'Forget credentials',
    )!;
    await act(async () => forget.click());
    await vi.waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toBe(
        'Forgetting the credentials failed: The background did not respond. Reload this page and try again.',
      ),
    );
  });
});
