/**
 * The side panel's last step: the record's account mapping and the service mapping of each
 * billed line on the agreement. "Finish" is enabled once the record has an account mapping and
 * at least one line is mapped. Until then, the list above it names what is still missing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AccountMapping } from '../lib/mapping/account-mapping';
import { SERVICE_LABELS, type ProductMapping } from '../lib/mapping/product-mapping';
import { request } from '../lib/messaging/client';
import { describeMappingScope } from '../lib/side-panel/mapping-scope';
import { reviewMappings } from '../lib/side-panel/review';

interface Props {
  productIds: string[];
  accountMapping: AccountMapping | null;
  /** Changes whenever a mapping was saved or removed, so the product mappings are read again. */
  revision: number;
  onFinish(): void;
}

export function MappingReview({ productIds, accountMapping, revision, onFinish }: Props) {
  const [productMappings, setProductMappings] = useState<ProductMapping[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    request<ProductMapping[]>({ type: 'mappings/list' })
      .then((mappings) => {
        setProductMappings(mappings);
        setError(null);
      })
      .catch((loadError: Error) => setError(loadError.message));
  }, [revision]);

  const review = reviewMappings({ accountMapping, productMappings, productIds });
  return (
    <section aria-labelledby="mapping-review-title" data-testid="mapping-review">
      <h2 id="mapping-review-title">Review and finish</h2>
      <p data-testid="review-account">
        Addigy policy:{' '}
        {accountMapping
          ? `${accountMapping.policyName}, ${describeMappingScope(accountMapping)}`
          : 'not mapped'}
      </p>
      {review.lines.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Product ID</th>
              <th scope="col">Addigy count</th>
            </tr>
          </thead>
          <tbody>
            {review.lines.map((line) => (
              <tr key={line.productId} data-testid="review-line">
                <td>{line.productId}</td>
                <td>{line.service ? SERVICE_LABELS[line.service] : 'not mapped'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="field-help">No billed lines were read from this agreement.</p>
      )}
      {review.missing.length > 0 && (
        <ul id="finish-missing" class="field-help" data-testid="finish-missing">
          {review.missing.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        class="primary"
        disabled={!review.ready}
        aria-describedby={review.ready ? undefined : 'finish-missing'}
        onClick={onFinish}
        data-testid="finish"
      >
        Finish
      </button>
    </section>
  );
}
