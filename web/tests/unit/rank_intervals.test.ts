import { describe, expect, it } from 'vitest';
import { findInterval, intervalLabel, type PillarInterval, type Uncertainty, type UncertaintyRow } from '../../src/rank_intervals';

const interval = (q05: number, q95: number): PillarInterval => ({
  nominal_rank: 15, rank_mean: 15.2, rank_median: 15, rank_q05: q05, rank_q95: q95, nominal_score: 5.5, score_q05: 5.3, score_q95: 5.7,
});

describe('rank intervals', () => {
  it('prints the 5-95 % interval rounded outward, one number when the ends agree', () => {
    expect(intervalLabel(interval(11.6, 18.2))).toBe('11–19');
    expect(intervalLabel(interval(12, 18))).toBe('12–18');
    expect(intervalLabel(interval(1, 1))).toBe('1');
  });
  it('finds a country pillar and nothing for other measures', () => {
    // A literal cannot have both the country's string keys and the pillar index signature's type.
    const row = { iso3: 'KAZ', name: 'Kazakhstan', continent: 'Asia', region: 'Central Asia', criminality: interval(3, 4) } as unknown as UncertaintyRow;
    const spec = { score_noise: [], weight_noise: [], aggregation: [], pillar_formula: [], threshold_spread: 0, exclusion_candidates: [] };
    const data: Uncertainty = { edition: 2025, runs: 20000, seed: 1, spec, pillars: ['criminality'], rows: [row] };
    expect(findInterval(data, 'KAZ', 'criminality')?.rank_q95).toBe(4);
    expect(findInterval(data, 'KAZ', 'heroin_trade')).toBeUndefined();
    expect(findInterval(data, 'UZB', 'criminality')).toBeUndefined();
  });
});
