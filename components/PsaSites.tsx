/**
 * PSA sites: where the overlay runs. Adding a site asks the browser for that host's permission
 * (the prompt needs this click), then the background registers the content script for it.
 */
import { useState } from 'preact/hooks';
import { request } from '../lib/messaging/client';
import { removeSitePermission, requestSitePermission } from '../lib/permissions/host-permissions';
import { PSA_SITE_PRESETS, parseSiteOrigin, sitePattern } from '../lib/psa-sites/sites';

interface Props {
  sites: string[];
  onChanged: () => Promise<void>;
}

type Message = { kind: 'success' | 'error'; text: string } | null;

export function PsaSites({ sites, onChanged }: Props) {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<Message>(null);

  const add = async (text: string) => {
    setMessage(null);
    let origin: string;
    try {
      origin = parseSiteOrigin(text);
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
      return;
    }
    try {
      if (!(await requestSitePermission(sitePattern(origin)))) {
        throw new Error(`Access to ${origin} was not granted. Click Add again and choose Allow.`);
      }
      await request({ type: 'psaSites/add', origin });
      setInput('');
      setMessage({
        kind: 'success',
        text: `Added ${origin}. Reload its open pages to see the counts.`,
      });
      await onChanged();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const remove = async (origin: string) => {
    setMessage(null);
    try {
      await request({ type: 'psaSites/remove', origin });
      await removeSitePermission(sitePattern(origin));
      setMessage({ kind: 'success', text: `Removed ${origin}.` });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setMessage({
        kind: 'error',
        text: `Removing ${origin} failed: ${reason} Reload this page and try again.`,
      });
    }
    await onChanged();
  };

  return (
    <section aria-labelledby="psa-sites-title" data-testid="psa-sites">
      <h2 id="psa-sites-title">PSA sites</h2>
      <p class="field-help">
        The counts appear on agreement pages of these sites only. Add your ConnectWise region, or
        the host of a self-hosted PSA; the browser asks you to allow access to it.
      </p>
      {sites.length > 0 ? (
        <ul class="site-list">
          {sites.map((site) => (
            <li key={site} data-testid="psa-site">
              <span>{site}</span>{' '}
              <button type="button" onClick={() => void remove(site)} aria-label={`Remove ${site}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No PSA site added yet.</p>
      )}
      <p>
        {PSA_SITE_PRESETS.filter((preset) => !sites.includes(preset.origin)).map((preset) => (
          <button
            type="button"
            key={preset.origin}
            onClick={() => void add(preset.origin)}
            class="preset"
          >
            Add {preset.label}
          </button>
        ))}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void add(input);
        }}
      >
        <label for="psa-site-host">Other PSA host</label>
        <input
          id="psa-site-host"
          placeholder="psa.example.com"
          value={input}
          onInput={(event) => setInput(event.currentTarget.value)}
        />{' '}
        <button type="submit" data-testid="add-psa-site">
          Add site
        </button>
      </form>
      {message && (
        <p
          class={message.kind}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="psa-sites-result"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
