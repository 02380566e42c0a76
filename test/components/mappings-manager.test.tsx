// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MappingsManager } from '../../components/MappingsManager';
import { countDevices } from '../../lib/counting/count-devices';
import { accountMappingKey, type AccountMapping } from '../../lib/mapping/account-mapping';
import type { Snapshot } from '../../lib/sync/snapshot';
import { policy } from '../helpers/devices';

type Request = { type: string; [field: string]: unknown };
const request = vi.fn<(message: Request) => Promise<unknown>>();
const downloadText = vi.fn();

vi.mock('../../lib/messaging/client', () => ({
  request: (message: Request) => request(message),
}));
vi.mock('../../lib/export/download', () => ({
  downloadText: (...args: unknown[]) => downloadText(...args),
}));

const NOW = Date.parse('2026-12-01T00:00:00Z');
const SNAPSHOT: Snapshot = {
  createdAt: NOW,
  durationMs: 5,
  apiVersion: 'v2',
  fetchWarnings: [],
  counts: countDevices(
    [policy('a', 'Acme Dental'), policy('o', 'Oakridge Academy'), policy('n', 'Northwind Legal')],
    [],
    { accountLevel: { kind: 'roots' }, staleAfterDays: 30, now: NOW },
  ),
};

function mapping(companyId: string, policyId: string, policyName: string): AccountMapping {
  const input = {
    psa: 'connectwise',
    host: 'na.myconnectwise.net',
    companyId,
    agreementId: null,
    companyName: `Company ${companyId}`,
    policyId,
    policyName,
  };
  return { ...input, key: accountMappingKey(input), updatedAt: 0 };
}

let container: HTMLElement;
let mappings: AccountMapping[];
let onImported: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  mappings = [mapping('250', 'a', 'Acme Dental'), mapping('900', 'gone', 'Globex')];
  onImported = vi.fn<() => void>();
  request.mockReset();
  downloadText.mockReset();
  request.mockImplementation(async (message) => {
    if (message.type === 'accountMappings/list') return mappings;
    if (message.type === 'accountMappings/delete') {
      mappings = mappings.filter((entry) => entry.key !== message.key);
      return null;
    }
    if (message.type === 'mappings/export') {
      return {
        format: 'addigy-psa-counts/mappings',
        version: 1,
        accountMappings: [{}],
        productMappings: [],
      };
    }
    if (message.type === 'mappings/import') return { accounts: 2, products: 1 };
    return null;
  });
});

afterEach(() => {
  render(null, container);
});

async function mount(): Promise<void> {
  container = document.createElement('div');
  document.body.replaceChildren(container);
  await act(async () => {
    render(<MappingsManager snapshot={SNAPSHOT} onImported={onImported} />, container);
  });
  await vi.waitFor(() => expect(recordRows()).toHaveLength(mappings.length));
}

function byTestId(id: string): HTMLElement | null {
  return container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
}

function policyRows(): Array<[string, string]> {
  return [...container.querySelectorAll('[data-testid="manager-policy"]')].map((row) => [
    row.querySelector('th')!.textContent!,
    row.getAttribute('data-state')!,
  ]);
}

function recordRows(): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-testid="manager-record"]')];
}

async function chooseFile(name: string, text: string): Promise<void> {
  const input = byTestId('import-mappings') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('MappingsManager', () => {
  it('lists policies and records with their state', async () => {
    await mount();

    expect(policyRows()).toEqual([
      ['Acme Dental', 'mapped'],
      ['Northwind Legal', 'unmapped'],
      ['Oakridge Academy', 'unmapped'],
    ]);
    expect(recordRows().map((row) => row.getAttribute('data-state'))).toEqual([
      'mapped',
      'unmapped',
    ]);
    expect(recordRows()[1]?.textContent).toContain('Unmapped: policy not in the latest sync');
    expect(recordRows()[0]?.textContent).toContain('na.myconnectwise.net: company 250');
  });

  it('filters and searches', async () => {
    await mount();
    await act(async () => {
      byTestId('manager-filter-unmapped')!.click();
    });

    expect(policyRows().map(([name]) => name)).toEqual(['Northwind Legal', 'Oakridge Academy']);
    expect(recordRows()).toHaveLength(1);

    const search = container.querySelector<HTMLInputElement>('#mappings-search')!;
    await act(async () => {
      search.value = 'oak';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(policyRows().map(([name]) => name)).toEqual(['Oakridge Academy']);
    expect(recordRows()).toHaveLength(0);
  });

  it('removes a mapping', async () => {
    await mount();
    await act(async () => {
      recordRows()[0]!.querySelector('button')!.click();
    });

    await vi.waitFor(() => expect(recordRows()).toHaveLength(1));
    expect(request).toHaveBeenCalledWith({
      type: 'accountMappings/delete',
      key: 'connectwise|na.myconnectwise.net|company:250',
    });
    expect(policyRows()[0]).toEqual(['Acme Dental', 'unmapped']);
  });

  it('exports a JSON file', async () => {
    await mount();
    await act(async () => {
      byTestId('export-mappings')!.click();
    });

    await vi.waitFor(() => expect(downloadText).toHaveBeenCalledTimes(1));
    const [fileName, text, type] = downloadText.mock.calls[0]!;
    expect(fileName).toMatch(/^addigy-mappings-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(text as string).format).toBe('addigy-psa-counts/mappings');
    expect(type).toBe('application/json');
    expect(byTestId('transfer-result')?.textContent).toBe(
      'Exported 1 account mapping and 0 product mappings.',
    );
  });

  it('imports a file and reloads', async () => {
    await mount();
    await chooseFile('mappings.json', '{"format": "addigy-psa-counts/mappings"}');

    await vi.waitFor(() =>
      expect(byTestId('transfer-result')?.textContent).toBe(
        'Imported 2 account mappings and 1 product mapping.',
      ),
    );
    expect(request).toHaveBeenCalledWith({
      type: 'mappings/import',
      file: { format: 'addigy-psa-counts/mappings' },
    });
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(
      request.mock.calls.filter(([message]) => message.type === 'accountMappings/list'),
    ).toHaveLength(2);
  });

  it('shows the error of an invalid file', async () => {
    request.mockImplementation(async (message) => {
      if (message.type === 'accountMappings/list') return mappings;
      if (message.type === 'mappings/import') {
        throw new Error(
          'The mappings file is invalid at accountMappings.1.policyId: Too small. Nothing was imported.',
        );
      }
      return null;
    });
    await mount();
    await chooseFile('mappings.json', '{}');

    await vi.waitFor(() => expect(byTestId('transfer-result')?.getAttribute('role')).toBe('alert'));
    expect(byTestId('transfer-result')?.textContent).toBe(
      'The mappings file is invalid at accountMappings.1.policyId: Too small. Nothing was imported.',
    );
    expect(onImported).not.toHaveBeenCalled();
  });

  it('rejects a file that is not JSON before sending it', async () => {
    await mount();
    await chooseFile('notes.txt', 'hello');

    await vi.waitFor(() =>
      expect(byTestId('transfer-result')?.textContent).toContain('"notes.txt" is not a JSON file'),
    );
    expect(request.mock.calls.map(([message]) => message.type)).not.toContain('mappings/import');
  });
});
