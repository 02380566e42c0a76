import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runSync } from '../../lib/sync/run-sync';
import { loadLatestSnapshot } from '../../lib/sync/snapshot-store';
import { useFreshStorage } from '../helpers/fresh-db';
import { device, policy } from '../helpers/devices';

vi.mock('../../lib/sync/sync-history', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/sync/sync-history')>()),
  recordSyncHistory: async () => {
    throw new Error('QuotaExceededError');
  },
}));

describe('runSync with a failing history write', () => {
  beforeEach(useFreshStorage);

  it('still stores the snapshot', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const snapshot = await runSync({
      loadCredentials: async () => ({ apiVersion: 'v2', apiUrl: 'https://a.example', apiKey: 'k' }),
      createClient: () => ({
        authenticate: async () => ({ permissions: [], orgId: null }),
        fetchPolicies: async () => [policy('a', 'Acme')],
        fetchDevices: async () => ({
          devices: [device({ agentId: '1', policyId: 'a' })],
          repeatedAgentIds: 0,
          reportedTotal: 1,
        }),
      }),
      now: () => 1,
    });
    expect((await loadLatestSnapshot())?.id).toBe(snapshot.id);
    expect(warn.mock.calls.some((call) => String(call[0]).includes('sync history'))).toBe(true);
    warn.mockRestore();
  });
});
