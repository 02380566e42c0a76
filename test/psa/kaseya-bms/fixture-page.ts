/**
 * Loads the Kaseya BMS contract fixture into a happy-dom document and renders it at once, as the
 * page script does after its delay. Scripts in the fixture do not run here.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRACTS, type FixtureContract } from '../../fixtures/psa/kaseya-bms/contract-data';
import { renderContract } from '../../fixtures/psa/kaseya-bms/contract-screen';
import {
  readFixtureParams,
  resolveFixtureState,
} from '../../fixtures/psa/kaseya-bms/contract-state';

// A path, not a URL: happy-dom replaces the global URL class, and node:fs rejects its objects.
const CONTRACT_HTML = readFileSync(
  resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../../fixtures/psa/kaseya-bms/contract-detail.html',
  ),
  'utf8',
);

/**
 * Returns the fixture page at /MSP/ContractDetail.aspx with the given URL parameters (`ID`
 * defaults to 5521). The window's URL changes to that path first, because the adapter reads the
 * contract id from the document's URL and happy-dom gives parsed documents the window's URL.
 */
export function loadContractPage(
  params: Record<string, string> = {},
  contracts: FixtureContract[] = CONTRACTS,
): Document {
  const query = new URLSearchParams({ ID: '5521', ...params });
  window.history.replaceState(null, '', `/MSP/ContractDetail.aspx?${query}`);
  const doc = new DOMParser().parseFromString(CONTRACT_HTML, 'text/html');
  const root = doc.getElementById('bms-app');
  if (!root) throw new Error('contract-detail.html has no #bms-app element.');
  renderContract(root, resolveFixtureState(readFixtureParams(window.location), contracts));
  return doc;
}
