/**
 * Loads the ConnectWise agreement fixture into a happy-dom document and renders it at once, as
 * the page script does after its delay. Scripts in the fixture do not run here.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGREEMENTS, type FixtureAgreement } from '../../fixtures/psa/connectwise/agreement-data';
import { renderAgreement } from '../../fixtures/psa/connectwise/agreement-screen';
import { resolveFixtureState } from '../../fixtures/psa/connectwise/agreement-state';

// A path, not a URL: happy-dom replaces the global URL class, and node:fs rejects its objects.
const AGREEMENT_HTML = readFileSync(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/psa/connectwise/agreement.html'),
  'utf8',
);

/** Returns the fixture page rendered with the given URL parameters, such as "recid=4230". */
export function loadAgreementPage(
  params: string | Record<string, string> = '',
  agreements: FixtureAgreement[] = AGREEMENTS,
): Document {
  const doc = new DOMParser().parseFromString(AGREEMENT_HTML, 'text/html');
  const root = doc.getElementById('cw-app');
  if (!root) throw new Error('agreement.html has no #cw-app element.');
  renderAgreement(root, resolveFixtureState(new URLSearchParams(params), agreements));
  return doc;
}
