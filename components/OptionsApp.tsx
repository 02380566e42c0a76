import { useState } from 'preact/hooks';
import { ConnectionForm } from './ConnectionForm';
import { MappingsManager } from './MappingsManager';
import { NotificationSettings } from './NotificationSettings';
import { PassphraseSettings } from './PassphraseSettings';
import { ProductMappings } from './ProductMappings';
import { PsaSites } from './PsaSites';
import { SyncSettingsForm } from './SyncSettingsForm';
import { useExtensionState } from './use-extension-state';

export function OptionsApp() {
  const { state, loadError, reload } = useExtensionState();
  // An import can change the product mappings, which their section reads once when it mounts.
  const [importCount, setImportCount] = useState(0);
  if (loadError)
    return (
      <p class="error" role="alert">
        {loadError}
      </p>
    );
  if (!state) return <p aria-busy="true">Loading…</p>;
  return (
    <main class="options">
      <h1>Addigy Counts for PSA: options</h1>
      <ConnectionForm settings={state.settings} onChanged={reload} />
      <PassphraseSettings vault={state.vault} onChanged={reload} />
      <PsaSites sites={state.settings.psaSites} onChanged={reload} />
      <ProductMappings key={importCount} />
      <MappingsManager
        snapshot={state.snapshot}
        onImported={() => setImportCount((count) => count + 1)}
      />
      <SyncSettingsForm settings={state.settings} snapshot={state.snapshot} onChanged={reload} />
      <NotificationSettings />
    </main>
  );
}
