import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLandmarkWarner } from '../../lib/psa/landmark-warnings';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createLandmarkWarner', () => {
  it('warns once per landmark', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const warnMissing = createLandmarkWarner();
    warnMissing('grid', 'No grid.');
    warnMissing('grid', 'No grid again.');
    warnMissing('banner', 'No banner.');

    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '[addigy-counts] No grid.',
      '[addigy-counts] No banner.',
    ]);
  });

  it('keeps warners independent', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    createLandmarkWarner()('grid', 'No grid.');
    createLandmarkWarner()('grid', 'No grid.');

    expect(warn).toHaveBeenCalledTimes(2);
  });
});
