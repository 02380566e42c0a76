import { beforeEach, describe, expect, it } from 'vitest';
import { isPsaSiteHost, mappingHandlers } from '../../lib/background/mapping-handlers';
import {
  listAccountMappings,
  saveAccountMapping,
  type AccountMappingInput,
} from '../../lib/mapping/account-mapping';
import { saveProductMapping } from '../../lib/mapping/product-mapping';
import type { HandlerContext } from '../../lib/messaging/router';
import { updateSettings } from '../../lib/settings/settings';
import { useFreshStorage } from '../helpers/fresh-db';

const PANEL: HandlerContext = {
  senderClass: 'side-panel',
  origin: 'chrome-extension://abc',
  tabHost: 'na.myconnectwise.net',
};
const OPTIONS: HandlerContext = { senderClass: 'extension-page', origin: 'chrome-extension://abc' };
const MAPPING: AccountMappingInput = {
  psa: 'connectwise',
  host: 'na.myconnectwise.net',
  companyId: '250',
  agreementId: null,
  companyName: 'Acme Dental, Inc.',
  policyId: 'p-acme',
  policyName: 'Acme Dental',
};
const FOREIGN = { ...MAPPING, host: 'evil.example', companyId: '666' };
const NOT_A_SITE = '"evil.example" is not one of the PSA sites in the extension\'s options';

describe('isPsaSiteHost', () => {
  const patterns = [
    'https://*.myconnectwise.net/*',
    'https://psa.example.com/*',
    'http://127.0.0.1/*',
  ];

  it.each([
    ['na.myconnectwise.net', true],
    ['NA.MyConnectWise.net', true],
    ['myconnectwise.net', true],
    ['psa.example.com', true],
    ['127.0.0.1', true],
    ['evil.example', false],
    ['myconnectwise.net.evil.example', false],
    ['psa.example.com:8443', false],
    ['psa.example.com/path', false],
    ['user@psa.example.com', false],
    ['psa.example.com#x', false],
    ['', false],
  ])('%j -> %s', (host, expected) => {
    expect(isPsaSiteHost(host, patterns)).toBe(expected);
  });
});

describe('mappingHandlers', () => {
  beforeEach(async () => {
    await useFreshStorage();
    await updateSettings({ psaSites: ['https://na.myconnectwise.net'] });
  });

  it('saves and finds a record on a PSA site', async () => {
    const saved = await mappingHandlers['accountMappings/save'](
      { type: 'accountMappings/save', mapping: MAPPING },
      PANEL,
    );
    const found = await mappingHandlers['accountMappings/forRecord'](
      {
        type: 'accountMappings/forRecord',
        psa: 'connectwise',
        host: 'na.myconnectwise.net',
        companyId: '250',
        agreementId: '4107',
      },
      PANEL,
    );

    expect(found).toEqual(saved);
  });

  it('rejects a save for a site never added', async () => {
    await expect(
      mappingHandlers['accountMappings/save'](
        { type: 'accountMappings/save', mapping: FOREIGN },
        PANEL,
      ),
    ).rejects.toThrow(NOT_A_SITE);
    expect(await listAccountMappings()).toEqual([]);
  });

  it('rejects a lookup for a site never added', async () => {
    await saveAccountMapping(FOREIGN);
    const lookup = mappingHandlers['accountMappings/forRecord'](
      { type: 'accountMappings/forRecord', ...FOREIGN },
      PANEL,
    );

    await expect(lookup).rejects.toThrow(NOT_A_SITE);
  });

  it('lists the mapped policies of one site', async () => {
    await saveAccountMapping(MAPPING);
    await saveAccountMapping({ ...MAPPING, companyId: '251' });
    await saveAccountMapping({ ...MAPPING, companyId: '310', policyId: 'p-oak' });
    await saveAccountMapping({ ...MAPPING, host: 'eu.myconnectwise.net', policyId: 'p-eu' });
    await saveAccountMapping({ ...MAPPING, psa: 'autotask', policyId: 'p-at' });
    const policyIds = await mappingHandlers['accountMappings/mappedPolicies'](
      { type: 'accountMappings/mappedPolicies', psa: 'connectwise', host: 'NA.myconnectwise.net' },
      PANEL,
    );

    expect(policyIds).toEqual(['p-acme', 'p-oak']);
  });

  it('side panel deletes a mapping of a PSA site', async () => {
    const saved = await saveAccountMapping(MAPPING);
    await mappingHandlers['accountMappings/delete'](
      { type: 'accountMappings/delete', key: saved.key },
      PANEL,
    );

    expect(await listAccountMappings()).toEqual([]);
  });

  it.each([
    ['a site never added', 'connectwise|evil.example|company:666', NOT_A_SITE],
    ['a malformed key', 'company:250', '"company:250" is not an account mapping key.'],
  ])('side panel cannot delete %s', async (_name, key, error) => {
    await saveAccountMapping(FOREIGN);
    const removal = mappingHandlers['accountMappings/delete'](
      { type: 'accountMappings/delete', key },
      PANEL,
    );

    await expect(removal).rejects.toThrow(error);
    expect(await listAccountMappings()).toHaveLength(1);
  });

  it('options page deletes a mapping of any site', async () => {
    const saved = await saveAccountMapping(FOREIGN);
    await mappingHandlers['accountMappings/delete'](
      { type: 'accountMappings/delete', key: saved.key },
      OPTIONS,
    );

    expect(await listAccountMappings()).toEqual([]);
  });

  it('exports and imports every mapping', async () => {
    await saveAccountMapping(MAPPING);
    await saveProductMapping({ productId: 'MDM-MAC', service: 'macOS' });
    const file = await mappingHandlers['mappings/export']({ type: 'mappings/export' }, OPTIONS);
    await useFreshStorage();
    const result = await mappingHandlers['mappings/import'](
      { type: 'mappings/import', file: JSON.parse(JSON.stringify(file)) },
      OPTIONS,
    );

    expect(result).toEqual({ accounts: 1, products: 1 });
    expect(
      await mappingHandlers['accountMappings/list']({ type: 'accountMappings/list' }, OPTIONS),
    ).toMatchObject([{ companyId: '250', policyId: 'p-acme' }]);
  });
});

describe('mappingHandlers side panel tab check', () => {
  const OTHER_SITE = 'eu.myconnectwise.net';
  const MISMATCH = `its tab shows "${OTHER_SITE}", so the request was rejected`;
  const NO_TAB = "The side panel's tab URL is missing";

  beforeEach(async () => {
    await useFreshStorage();
    await updateSettings({
      psaSites: ['https://na.myconnectwise.net', `https://${OTHER_SITE}`],
    });
  });

  /** Sends one side panel message about a record on `host` with the given context. */
  const SEND: Record<string, (host: string, context: HandlerContext) => Promise<unknown>> = {
    forRecord: (host, context) =>
      mappingHandlers['accountMappings/forRecord'](
        { type: 'accountMappings/forRecord', ...MAPPING, host },
        context,
      ),
    mappedPolicies: (host, context) =>
      mappingHandlers['accountMappings/mappedPolicies'](
        { type: 'accountMappings/mappedPolicies', psa: 'connectwise', host },
        context,
      ),
    save: (host, context) =>
      mappingHandlers['accountMappings/save'](
        { type: 'accountMappings/save', mapping: { ...MAPPING, host } },
        context,
      ),
    delete: (host, context) =>
      mappingHandlers['accountMappings/delete'](
        { type: 'accountMappings/delete', key: `connectwise|${host}|company:250` },
        context,
      ),
  };
  const TYPES = Object.keys(SEND);

  it.each(
    TYPES.flatMap((type) => [
      [type, 'another added site', { ...PANEL, tabHost: OTHER_SITE }, MISMATCH],
      [type, 'no tab URL', { ...PANEL, tabHost: null }, NO_TAB],
      [type, 'no tab host given', { senderClass: 'side-panel', origin: null }, NO_TAB],
    ]) as [string, string, HandlerContext, string][],
  )('%s from a panel whose tab has %s is rejected', async (type, _case, context, error) => {
    await saveAccountMapping(MAPPING);

    await expect(SEND[type]!('na.myconnectwise.net', context)).rejects.toThrow(error);
    expect(await listAccountMappings()).toHaveLength(1);
  });

  it.each(TYPES)('%s from a panel on the same host is handled', async (type) => {
    await saveAccountMapping({ ...MAPPING, policyId: 'p-old' });

    await expect(SEND[type]!('NA.myconnectwise.net', PANEL)).resolves.not.toThrow();
  });

  it('options page deletes without a tab', async () => {
    const saved = await saveAccountMapping(MAPPING);
    await mappingHandlers['accountMappings/delete'](
      { type: 'accountMappings/delete', key: saved.key },
      { senderClass: 'extension-page', origin: 'chrome-extension://abc', tabHost: null },
    );

    expect(await listAccountMappings()).toEqual([]);
  });
});
