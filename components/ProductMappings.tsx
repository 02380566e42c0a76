/**
 * The first service mapping: which PSA product ids bill which Addigy count. The overlay shows a
 * count beside an agreement line only when its product id is listed here.
 */
import { useEffect, useState } from 'preact/hooks';
import { request } from '../lib/messaging/client';
import {
  SERVICES,
  SERVICE_LABELS,
  productMappingSchema,
  type ProductMapping,
  type Service,
} from '../lib/mapping/product-mapping';

export interface ProductMappingsProps {
  /** Called after a mapping was saved or removed, such as to refresh the counts on a page. */
  onChange?: () => void;
}

export function ProductMappings({ onChange }: ProductMappingsProps = {}) {
  const [mappings, setMappings] = useState<ProductMapping[]>([]);
  const [productId, setProductId] = useState('');
  const [service, setService] = useState<Service>('total');
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const shown = needle
    ? mappings.filter((mapping) => mapping.productId.toLowerCase().includes(needle))
    : mappings;

  const reload = async () =>
    setMappings(await request<ProductMapping[]>({ type: 'mappings/list' }));
  useEffect(() => {
    reload().catch((loadError: Error) => setError(loadError.message));
  }, []);

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = productMappingSchema.safeParse({ productId, service });
    if (!parsed.success) {
      setError(parsed.error.issues.map((issue) => issue.message).join(' '));
      return;
    }
    try {
      await request({ type: 'mappings/save', mapping: parsed.data });
      setProductId('');
      setError(null);
      onChange?.();
      await reload();
    } catch (saveError) {
      setError(saveError instanceof Error ? saveError.message : String(saveError));
    }
  };

  const remove = async (id: string) => {
    await request({ type: 'mappings/delete', productId: id });
    onChange?.();
    await reload();
  };

  return (
    <section aria-labelledby="product-mappings-title" data-testid="product-mappings">
      <h2 id="product-mappings-title">PSA products</h2>
      <p class="field-help">
        Map each PSA product ID that bills Apple devices to the Addigy count it should match. The
        agreement page shows the count beside lines with these product IDs.
      </p>
      {mappings.length > 5 && (
        <p>
          <label for="mapping-search">Search product IDs</label>
          <input
            id="mapping-search"
            type="search"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </p>
      )}
      {mappings.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Product ID</th>
              <th scope="col">Addigy count</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((mapping) => (
              <tr key={mapping.productId} data-testid="mapping-row">
                <td>{mapping.productId}</td>
                <td>{SERVICE_LABELS[mapping.service]}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => void remove(mapping.productId)}
                    aria-label={`Remove ${mapping.productId}`}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={add} class="inline-form">
        <label for="mapping-product-id">Product ID</label>
        <input
          id="mapping-product-id"
          value={productId}
          onInput={(event) => setProductId(event.currentTarget.value)}
        />
        <label for="mapping-service">Addigy count</label>
        <select
          id="mapping-service"
          value={service}
          onChange={(event) => setService(event.currentTarget.value as Service)}
        >
          {SERVICES.map((option) => (
            <option key={option} value={option}>
              {SERVICE_LABELS[option]}
            </option>
          ))}
        </select>{' '}
        <button type="submit" data-testid="add-mapping">
          Add mapping
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
