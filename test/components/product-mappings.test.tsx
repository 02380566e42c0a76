// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ProductMappings } from '../../components/ProductMappings';

const mappings = ['MDM-MAC', 'MDM-IOS', 'MDM-IPAD', 'MDM-TOTAL', 'BACKUP-M365', 'MDM-TV'].map(
  (productId) => ({ productId, service: 'total' }),
);

vi.mock('../../lib/messaging/client', () => ({
  request: async (message: { type: string }) =>
    message.type === 'mappings/list' ? mappings : null,
}));

describe('ProductMappings', () => {
  it('search filters by product id', async () => {
    const container = document.createElement('div');
    document.body.replaceChildren(container);
    await act(async () => {
      render(<ProductMappings />, container);
    });
    await vi.waitFor(() =>
      expect(container.querySelectorAll('[data-testid="mapping-row"]')).toHaveLength(6),
    );

    const search = container.querySelector<HTMLInputElement>('#mapping-search')!;
    await act(() => {
      search.value = 'ipad';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const rows = [...container.querySelectorAll('[data-testid="mapping-row"]')];
    expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual(['MDM-IPAD']);
  });
});
