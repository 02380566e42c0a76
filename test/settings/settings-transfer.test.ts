import { beforeEach, describe, expect, it } from 'vitest';
import {
  listAccountMappings,
  saveAccountMapping,
  type AccountMappingInput,
} from '../../lib/mapping/account-mapping';
import { listProductMappings, saveProductMapping } from '../../lib/mapping/product-mapping';
import { loadSettings, updateSettings } from '../../lib/settings/settings';
import {
  describePath,
  exportSettingsFile,
  importSettingsFile,
} from '../../lib/settings/settings-transfer';
import { useFreshStorage } from '../helpers/fresh-db';

const company: AccountMappingInput = {
  psa: 'connectwise',
  host: 'na.myconnectwise.net',
  companyId: '250',
  agreementId: null,
  companyName: 'Acme Dental, Inc.',
  policyId: 'p-acme',
  policyName: 'Acme Dental',
};

function validFile(): Record<string, unknown> {
  return {
    format: 'addigy-psa-counts/settings',
    version: 1,
    exportedAt: '2026-12-04T10:00:00.000Z',
    settings: {
      syncIntervalMinutes: 120,
      accountLevel: { kind: 'children', parentId: 'p-clients' },
      staleAfterDays: 45,
      snapshotsKept: 30,
      maxRequestsPerWindow: 200,
      maxInFlight: 4,
    },
    psaSites: ['https://psa.example.com'],
    accountMappings: [company],
    productMappings: [{ productId: 'MDM-MAC', service: 'macOS' }],
  };
}

function withSetting(key: string, value: unknown) {
  const file = validFile();
  return { ...file, settings: { ...(file.settings as object), [key]: value } };
}

describe('settings file', () => {
  beforeEach(useFreshStorage);

  it('round trips settings and mappings', async () => {
    await updateSettings({
      syncIntervalMinutes: 90,
      staleAfterDays: 14,
      accountLevel: { kind: 'children', parentId: 'p-1' },
      psaSites: ['https://psa.example.com'],
      credentialsConfigured: true,
      credentialHint: '…9f3a',
    });
    await saveAccountMapping(company);
    await saveProductMapping({ productId: 'MDM-MAC', service: 'macOS' });
    const file = JSON.parse(JSON.stringify(await exportSettingsFile(0)));
    expect(JSON.stringify(file)).not.toContain('9f3a');
    expect(Object.keys(file.settings).sort()).toEqual([
      'accountLevel',
      'maxInFlight',
      'maxRequestsPerWindow',
      'snapshotsKept',
      'staleAfterDays',
      'syncIntervalMinutes',
    ]);

    await useFreshStorage();
    expect(await importSettingsFile(file)).toEqual({
      accounts: 1,
      products: 1,
      sitesToAdd: ['https://psa.example.com'],
    });
    const settings = await loadSettings();
    expect(settings.syncIntervalMinutes).toBe(90);
    expect(settings.staleAfterDays).toBe(14);
    expect(settings.accountLevel).toEqual({ kind: 'children', parentId: 'p-1' });
    expect(settings.credentialsConfigured).toBe(false);
    expect(settings.psaSites).toEqual([]);
    expect((await listAccountMappings())[0]?.policyId).toBe('p-acme');
    expect(await listProductMappings()).toEqual([{ productId: 'MDM-MAC', service: 'macOS' }]);
  });

  it('lists no site the user already added', async () => {
    await updateSettings({ psaSites: ['https://psa.example.com'] });
    expect((await importSettingsFile(validFile())).sitesToAdd).toEqual([]);
  });

  it.each([
    ['not an object', 'at the top level:'],
    [{ ...validFile(), format: 'other' }, 'at format:'],
    [
      { ...validFile(), format: 'addigy-psa-counts/mappings' },
      'This is a mappings file, not a settings file. Import it under Mappings',
    ],
    [{ ...validFile(), version: 2 }, 'has version 2, made by a newer release'],
    [{ ...validFile(), version: 0 }, 'at version:'],
    [{ ...validFile(), apiKey: 'abc' }, 'it contains "apiKey". Settings files never contain'],
    [{ format: 'addigy-psa-counts/settings', version: 1, clientId: 'x' }, 'contains "clientId"'],
    [withSetting('clientSecret', 'abc'), 'at settings: it contains "clientSecret"'],
    [{ ...validFile(), colour: 'blue' }, 'at the top level: Unrecognized key: "colour"'],
    [withSetting('syncIntervalMinutes', 5), 'at settings.syncIntervalMinutes: Too small'],
    [withSetting('staleAfterDays', 'thirty'), 'at settings.staleAfterDays:'],
    [withSetting('maxRequestsPerWindow', 5000), 'at settings.maxRequestsPerWindow: Too big'],
    [withSetting('accountLevel', { kind: 'children' }), 'at settings.accountLevel.parentId:'],
    [{ ...validFile(), settings: undefined }, 'at settings:'],
    [{ ...validFile(), psaSites: ['ftp://x'] }, 'at psaSites[0] (PSA site 1): Expected a PSA'],
    [
      { ...validFile(), accountMappings: [company, { ...company, policyId: '' }] },
      'at accountMappings[1].policyId (account mapping 2):',
    ],
    [
      { ...validFile(), accountMappings: [{ ...company, companyId: null }] },
      'at accountMappings[0].companyId (account mapping 1): A mapping needs the PSA company id or agreement id; names alone are not kept. Correct',
    ],
    [
      { ...validFile(), productMappings: [{ productId: 'X', service: 'android' }] },
      'at productMappings[0].service (product mapping 1):',
    ],
  ])('invalid file %# changes nothing', async (file, expected) => {
    await updateSettings({ syncIntervalMinutes: 60 });
    await saveProductMapping({ productId: 'KEEP', service: 'total' });
    const error = await importSettingsFile(file).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(expected);
    expect((error as Error).message).toMatch(/Nothing was imported\.$/);
    expect((await loadSettings()).syncIntervalMinutes).toBe(60);
    expect(await listProductMappings()).toEqual([{ productId: 'KEEP', service: 'total' }]);
    expect(await listAccountMappings()).toEqual([]);
  });
});

describe('describePath', () => {
  it.each([
    [[], 'the top level'],
    [['settings', 'staleAfterDays'], 'settings.staleAfterDays'],
    [['accountMappings', 2, 'host'], 'accountMappings[2].host (account mapping 3)'],
    [['productMappings', 0], 'productMappings[0] (product mapping 1)'],
  ])('%j', (path, expected) => {
    expect(describePath(path)).toBe(expected);
  });
});
