import { describe, expect, it } from 'vitest';
import { syncroAdapter } from '../../../lib/psa/syncro/adapter';

describe('Syncro adapter URL match', () => {
  it.each([
    'https://acme-it.syncromsp.com/schedules/3310',
    'https://acme-it.syncromsp.com/schedules/3310/',
    'https://acme-it.syncromsp.com/schedules/1?tab=line_items',
    'https://msp.example.com/schedules/3310#line-items',
    'http://127.0.0.1:8790/schedules/3325?company=Initech',
  ])('matches %s', (url) => {
    expect(syncroAdapter.matchesUrl(new URL(url))).toBe(true);
  });

  it.each([
    'https://acme-it.syncromsp.com/',
    'https://acme-it.syncromsp.com/schedules',
    'https://acme-it.syncromsp.com/schedules/new',
    'https://acme-it.syncromsp.com/schedules/3310/edit',
    'https://acme-it.syncromsp.com/invoices/3310',
    'https://acme-it.syncromsp.com/api/v1/schedules/3310',
    'https://example.com/search?q=/schedules/3310',
    'file:///schedules/3310',
  ])('rejects %s', (url) => {
    expect(syncroAdapter.matchesUrl(new URL(url))).toBe(false);
  });

  it('has the id syncro', () => {
    expect(syncroAdapter.id).toBe('syncro');
  });
});
