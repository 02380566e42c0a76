/**
 * Connects Addigy: the API version, its URL and credentials, checked against the API before
 * they are stored. Credentials are write-only: after saving, the form shows only that they are
 * configured.
 */
import { useState } from 'preact/hooks';
import { request } from '../lib/messaging/client';
import { requestHostPermission } from '../lib/permissions/host-permissions';
import type { Settings } from '../lib/settings/settings';
import { DEFAULT_V1_URL, DEFAULT_V2_URL, credentialsSchema } from '../lib/vault/credentials';

interface Props {
  settings: Settings;
  onChanged: () => Promise<void>;
}

type Result = { kind: 'success' | 'error'; text: string } | null;

/** The permission that device search needs, as Addigy names it. */
const VIEW_DEVICES = 'view devices';

/** Shows the stored key's permissions, or why there are none to show. */
function KeyPermissions({ settings }: { settings: Settings }) {
  if (settings.apiVersion === 'v1') {
    return (
      <p class="field-help" data-testid="api-permissions">
        API V1 does not report the permissions of a client ID.
      </p>
    );
  }
  const permissions = settings.apiPermissions;
  if (!permissions) return null;
  const canViewDevices = permissions.some(
    (permission) => permission.trim().toLowerCase() === VIEW_DEVICES,
  );
  return (
    <div data-testid="api-permissions">
      <p class="field-help">The API key's permissions, as Addigy reported them:</p>
      <ul class="permission-list">
        {permissions.map((permission) => (
          <li key={permission}>{permission}</li>
        ))}
      </ul>
      {!canViewDevices && (
        <p class="error">
          The key lacks "View Devices", so syncs fail. Add that permission to the key in Addigy
          under Account &gt; Integrations.
        </p>
      )}
    </div>
  );
}

export function ConnectionForm({ settings, onChanged }: Props) {
  const [apiVersion, setApiVersion] = useState(settings.apiVersion);
  const [apiUrl, setApiUrl] = useState(settings.apiUrl);
  const [apiKey, setApiKey] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);

  const chooseVersion = (version: 'v1' | 'v2') => {
    setApiVersion(version);
    setApiUrl(version === 'v2' ? DEFAULT_V2_URL : DEFAULT_V1_URL);
  };

  const authenticate = async (event: Event) => {
    event.preventDefault();
    setResult(null);
    const parsed = credentialsSchema.safeParse(
      apiVersion === 'v2'
        ? { apiVersion, apiUrl, apiKey }
        : { apiVersion, apiUrl, clientId, clientSecret },
    );
    if (!parsed.success) {
      setResult({
        kind: 'error',
        text: parsed.error.issues.map((issue) => issue.message).join(' '),
      });
      return;
    }
    setBusy(true);
    try {
      // The permission prompt needs this click's user gesture, so it is asked before any await.
      const granted = await requestHostPermission(parsed.data.apiUrl);
      if (!granted) {
        throw new Error(
          `Access to ${new URL(parsed.data.apiUrl).host} was not granted. Click Authenticate again and choose Allow.`,
        );
      }
      await request({ type: 'credentials/authenticate', credentials: parsed.data });
      setApiKey('');
      setClientId('');
      setClientSecret('');
      setResult({
        kind: 'success',
        text: 'Connected. The credentials are stored encrypted; the first sync has started.',
      });
      await onChanged();
    } catch (error) {
      setResult({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const forget = async () => {
    setResult(null);
    try {
      await request({ type: 'credentials/forget' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setResult({
        kind: 'error',
        text: `Forgetting the credentials failed: ${reason} Reload this page and try again.`,
      });
    }
    await onChanged();
  };

  return (
    <form onSubmit={authenticate} data-testid="connection-form">
      <fieldset>
        <legend>API version, URL and credentials</legend>
        {settings.credentialsConfigured && (
          <p class="success" data-testid="credentials-configured">
            Credentials are configured for API {settings.apiVersion.toUpperCase()} at{' '}
            {settings.apiUrl}. Enter new ones below to replace them.{' '}
            <button type="button" class="link" onClick={() => void forget()}>
              Forget credentials
            </button>
          </p>
        )}
        {settings.credentialsConfigured && <KeyPermissions settings={settings} />}
        <div role="radiogroup" aria-label="API version">
          <label>
            <input
              type="radio"
              name="apiVersion"
              value="v2"
              checked={apiVersion === 'v2'}
              onChange={() => chooseVersion('v2')}
            />{' '}
            API V2 (API key)
          </label>
          <label>
            <input
              type="radio"
              name="apiVersion"
              value="v1"
              checked={apiVersion === 'v1'}
              onChange={() => chooseVersion('v1')}
            />{' '}
            API V1 (client ID and secret, legacy)
          </label>
        </div>
        {apiVersion === 'v1' && (
          <p class="notice" data-testid="v1-notice">
            Addigy announced the removal of API V1 on 31 March 2026. Create a V2 API key in Addigy
            under Account &gt; Integrations and switch to API V2.
          </p>
        )}
        <label for="api-url">API URL</label>
        <input
          id="api-url"
          type="url"
          size={44}
          value={apiUrl}
          onInput={(event) => setApiUrl(event.currentTarget.value)}
          required
        />
        {apiVersion === 'v2' ? (
          <>
            <label for="api-key">API key</label>
            <input
              id="api-key"
              type="password"
              autocomplete="off"
              size={44}
              value={apiKey}
              onInput={(event) => setApiKey(event.currentTarget.value)}
            />
            <p class="field-help">Needs the "View Devices" permission.</p>
          </>
        ) : (
          <>
            <label for="client-id">Client ID</label>
            <input
              id="client-id"
              type="text"
              autocomplete="off"
              size={44}
              value={clientId}
              onInput={(event) => setClientId(event.currentTarget.value)}
            />
            <label for="client-secret">Client secret</label>
            <input
              id="client-secret"
              type="password"
              autocomplete="off"
              size={44}
              value={clientSecret}
              onInput={(event) => setClientSecret(event.currentTarget.value)}
            />
          </>
        )}
        <p>
          <button type="submit" class="primary" disabled={busy} data-testid="authenticate">
            {busy ? 'Checking…' : 'Authenticate'}
          </button>
        </p>
        {result && (
          <p
            class={result.kind}
            role={result.kind === 'error' ? 'alert' : 'status'}
            data-testid="connection-result"
          >
            {result.text}
          </p>
        )}
      </fieldset>
    </form>
  );
}
