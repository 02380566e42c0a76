import { useState } from 'preact/hooks';
import { ConnectionForm } from './ConnectionForm';
import { Diagnostics } from './Diagnostics';
import { MappingsManager } from './MappingsManager';
import { NotificationSettings } from './NotificationSettings';
import { PassphraseSettings } from './PassphraseSettings';
import { ProductMappings } from './ProductMappings';
import { PsaSites } from './PsaSites';
import { SettingsTransfer } from './SettingsTransfer';
import { SyncSettingsForm } from './SyncSettingsForm';
import { useExtensionState } from './use-extension-state';

/** The page's sections, by the id of their heading, in page order. */
const SECTIONS: Array<[id: string, title: string]> = [
  ['connection-title', 'Addigy connection'],
  ['sync-settings-title', 'Sync'],
  ['notification-settings-title', 'Notifications'],
  ['psa-sites-title', 'PSA sites'],
  ['product-mappings-title', 'PSA products'],
  ['mappings-manager-title', 'Account mappings'],
  ['passphrase-title', 'Passphrase lock'],
  ['settings-file-title', 'Settings file'],
  ['diagnostics-title', 'Diagnostics'],
];

function SectionNavigation() {
  return (
    <nav aria-label="Sections of this page" class="toc" data-testid="options-navigation">
      <ul>
        {SECTIONS.map(([id, title]) => (
          <li key={id}>
            <a href={`#${id}`}>{title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function OptionsApp() {
  const { state, loadError, reload } = useExtensionState();
  // An import can change the product mappings, which their section reads once when it mounts.
  const [importCount, setImportCount] = useState(0);
  // A settings import also changes the sync settings, which their form reads once when it mounts.
  const [settingsImports, setSettingsImports] = useState(0);
  if (loadError)
    return (
      <p class="error" role="alert">
        {loadError}
      </p>
    );
  if (!state) return <p aria-busy="true">Loading…</p>;
  const afterSettingsImport = async () => {
    await reload();
    setSettingsImports((count) => count + 1);
  };
  return (
    <main class="options">
      <h1>Addigy Counts for PSA: options</h1>
      <SectionNavigation />
      <section aria-labelledby="connection-title" data-testid="connection">
        <h2 id="connection-title">Addigy connection</h2>
        <ConnectionForm settings={state.settings} onChanged={reload} />
      </section>
      <SyncSettingsForm
        key={`sync-${settingsImports}`}
        settings={state.settings}
        snapshot={state.snapshot}
        onChanged={reload}
      />
      <NotificationSettings />
      <PsaSites sites={state.settings.psaSites} onChanged={reload} />
      <ProductMappings key={`products-${importCount}-${settingsImports}`} />
      <MappingsManager
        key={`accounts-${settingsImports}`}
        snapshot={state.snapshot}
        onImported={() => setImportCount((count) => count + 1)}
      />
      <PassphraseSettings vault={state.vault} onChanged={reload} />
      <SettingsTransfer onImported={afterSettingsImport} />
      <Diagnostics />
    </main>
  );
}
