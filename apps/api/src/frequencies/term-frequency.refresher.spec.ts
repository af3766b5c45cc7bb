import type { TermFrequencyStore } from '@concord/services';
import type { AppConfig } from '../config/app-config';
import { TermFrequencyRefresher } from './term-frequency.refresher';

function refresherWith(refreshedAt: Date | null, hours = 24) {
  const refresh = jest.fn().mockResolvedValue({ values: 3, records: 10 });
  const store = { refreshedAt: jest.fn().mockResolvedValue(refreshedAt), refresh } as unknown as TermFrequencyStore;
  const refresher = new TermFrequencyRefresher(store, { termFrequencyRefreshHours: hours } as AppConfig);
  return { refresher, refresh };
}

describe('TermFrequencyRefresher', () => {
  const now = new Date('2026-11-28T12:00:00Z');

  it('recounts when the counts were never made', async () => {
    const { refresher, refresh } = refresherWith(null);
    expect(await refresher.refreshIfStale(now)).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('leaves fresh counts alone and recounts stale ones', async () => {
    const fresh = refresherWith(new Date('2026-11-28T01:00:00Z'));
    expect(await fresh.refresher.refreshIfStale(now)).toBe(false);
    expect(fresh.refresh).not.toHaveBeenCalled();
    const stale = refresherWith(new Date('2026-11-27T11:00:00Z'));
    expect(await stale.refresher.refreshIfStale(now)).toBe(true);
  });

  it('reports a failed refresh without throwing', async () => {
    const { refresher, refresh } = refresherWith(null);
    refresh.mockRejectedValueOnce(new Error('database gone'));
    expect(await refresher.refreshIfStale(now)).toBe(false);
  });
});
