/**
 * The side panel page, which the content script loads in an iframe at the right edge of a PSA
 * page: the company on that page, its account mapping to an Addigy client policy, the product
 * mappings, and a review step. It runs at the extension's origin, so the PSA page cannot read
 * it. It posts events to the page's content script to close the panel (close button, Escape,
 * Finish) and to refresh the counts after any mapping changed.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { postPanelEvent, readPanelRecord, type PanelRecord } from '../lib/side-panel/link';
import { AccountMappingPanel } from './AccountMappingPanel';
import { MappingReview } from './MappingReview';
import { ProductMappings } from './ProductMappings';
import { useAccountMapping } from './use-account-mapping';

/** Returns the PSA record in the page's URL fragment, kept current on `hashchange`. */
function usePanelRecord(): PanelRecord {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onHashChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return useMemo(() => readPanelRecord(hash), [hash]);
}

/** Identifies the record by its PSA, site and ids, because two PSA companies can share a name. */
function recordKey(record: PanelRecord): string {
  return JSON.stringify([record.psa, record.host, record.companyId, record.agreementId]);
}

export function SidePanelApp() {
  const record = usePanelRecord();
  const [revision, setRevision] = useState(0);
  const onMappingsChanged = useCallback(() => {
    setRevision((previous) => previous + 1);
    postPanelEvent(window, 'mappings-changed');
  }, []);
  const account = useAccountMapping(record, onMappingsChanged);

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
        Company on this page: <strong>{record.companyName || 'not found'}</strong>
      </p>
      {/* A new key per record resets a half-finished choice when the page moves to another. */}
      <AccountMappingPanel key={recordKey(record)} record={record} account={account} />
      <ProductMappings onChange={onMappingsChanged} />
      <MappingReview
        productIds={record.productIds}
        accountMapping={account.mapping}
        revision={revision}
        onFinish={() => postPanelEvent(window, 'close')}
      />
    </main>
  );
}
