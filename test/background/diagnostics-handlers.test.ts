import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDiagnosticsHandlers } from '../../lib/background/diagnostics-handlers';
import { appendLogEntries } from '../../lib/log/log-store';
import type { HandlerContext } from '../../lib/messaging/router';
import { loadSettings, updateSettings } from '../../lib/settings/settings';
import { recordSyncHistory } from '../../lib/sync/sync-history';
import { saveCredentials } from '../../lib/vault/vault';
import { useFreshStorage } from '../helpers/fresh-db';

const OPTIONS: HandlerContext = { senderClass: 'extension-page', origin: 'chrome-extension://abc' };
const CLIENT_ID = 'cid-DISTINCTIVE-v1-client-77';
const CLIENT_SECRET = 'sec-DISTINCTIVE-v1-secret-91';

describe('diagnostics handlers', () => {
  const applied = vi.fn();
  const handlers = createDiagnosticsHandlers(applied);

  beforeEach(async () => {
    await useFreshStorage();
    applied.mockReset();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Addigy Counts for PSA',
      version: '9.8.7',
    });
  });

  it('log scrubs the stored credentials', async () => {
    await saveCredentials({
      apiVersion: 'v1',
      apiUrl: 'https://prod.addigy.com/api',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    await updateSettings({ credentialsConfigured: true, credentialHint: '…t-91' });
    // Lines that slipped past the pattern redaction, as a bug in a message could let them.
    await appendLogEntries([
      { at: 0, level: 'error', text: `Request with ${CLIENT_ID} failed` },
      { at: 1, level: 'info', text: `echo ${encodeURIComponent(CLIENT_SECRET)}` },
    ]);
    const text = (await handlers['diagnostics/log'](
      { type: 'diagnostics/log' },
      OPTIONS,
    )) as string;
    expect(text).toContain('Extension version: 9.8.7');
    expect(text).toContain('ERROR Request with [redacted] failed');
    expect(text).toContain('INFO echo [redacted]');
    for (const secret of [CLIENT_ID, CLIENT_SECRET, 't-91']) {
      expect(text.includes(secret), secret).toBe(false);
    }
  });

  it('history lists recorded runs', async () => {
    await recordSyncHistory({
      runId: 'r1',
      apiVersion: 'v2',
      startedAt: 1,
      finishedAt: 2,
      outcome: 'failed',
      pagesFetched: 0,
      devicesReceived: 0,
      error: 'Addigy rejected the API key (401).',
      warnings: [],
    });
    const history = await handlers['diagnostics/history']({ type: 'diagnostics/history' }, OPTIONS);
    expect(history).toMatchObject([{ runId: 'r1', outcome: 'failed' }]);
  });

  it('settings import applies the budget', async () => {
    const file = {
      format: 'addigy-psa-counts/settings',
      version: 1,
      settings: {
        syncIntervalMinutes: 240,
        accountLevel: { kind: 'roots' },
        staleAfterDays: 30,
        snapshotsKept: 90,
        maxRequestsPerWindow: 150,
        maxInFlight: 3,
      },
      psaSites: [],
      accountMappings: [],
      productMappings: [],
    };
    await handlers['settings/import']({ type: 'settings/import', file }, OPTIONS);
    expect(applied).toHaveBeenCalledWith(await loadSettings());
    expect((await loadSettings()).maxRequestsPerWindow).toBe(150);
    expect((await fakeBrowser.alarms.getAll())[0]?.periodInMinutes).toBe(240);
  });
});
