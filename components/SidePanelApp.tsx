/**
 * The side panel page, which the content script loads in an iframe at the right edge of a PSA
 * page: the company on that page, the Addigy client policies, and the product mappings. It runs
 * at the extension's origin, so the PSA page cannot read it. It posts events to the page's
 * content script to close the panel (close button, Escape) and to refresh the counts after a
 * mapping changed.
 */
import { useEffect, useState } from 'preact/hooks';
import { postPanelEvent, readCompanyName } from '../lib/side-panel/link';
import { AccountPolicies } from './AccountPolicies';
import { ProductMappings } from './ProductMappings';

/** Returns the company name in the page's URL fragment, kept current on `hashchange`. */
function useCompanyName(): string {
  const [companyName, setCompanyName] = useState(() => readCompanyName(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setCompanyName(readCompanyName(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return companyName;
}

export function SidePanelApp() {
  const companyName = useCompanyName();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) postPanelEvent(window, 'close');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <main class="side-panel">
      <header>
        <h1>Addigy mappings</h1>
        <button
          type="button"
          onClick={() => postPanelEvent(window, 'close')}
          data-testid="close-panel"
        >
          Close
        </button>
      </header>
      <p class="company" data-testid="panel-company">
        Company on this page: <strong>{companyName || 'not found'}</strong>
      </p>
      <AccountPolicies companyName={companyName} />
      <ProductMappings onChange={() => postPanelEvent(window, 'mappings-changed')} />
    </main>
  );
}
