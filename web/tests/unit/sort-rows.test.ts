import { describe, expect, it } from 'vitest';
import { sortRows } from '../../src/sort-rows';
import { intervalWidth, type PillarInterval } from '../../src/rank_intervals';

const interval = (q05: number, q95: number, nominal: number): PillarInterval => ({
  nominal_rank: nominal, rank_mean: nominal, rank_median: nominal, rank_q05: q05, rank_q95: q95, nominal_score: 5, score_q05: 4.8, score_q95: 5.2,
});
const rows = [
  { name: 'Chad', interval: interval(10.4, 30.2, 20) },  // 10-31: 21 wide
  { name: 'Benin', interval: interval(5, 9, 7) },         // 4 wide
  { name: 'Angola', interval: interval(40.5, 44.5, 42) }, // 40-45: 5 wide
  { name: 'Fiji', interval: null },                        // no interval
  { name: 'Eritrea', interval: interval(1, 5, 3) },       // 4 wide, ties Benin
];
const width = (r: (typeof rows)[number]) => (r.interval ? intervalWidth(r.interval) : null);

describe('sorting rows by rank interval width', () => {
  it('puts the narrowest (most certain) first, ties by name, no interval last', () => {
    expect(sortRows(rows, width, true).map((r) => r.name)).toEqual(['Benin', 'Eritrea', 'Angola', 'Chad', 'Fiji']);
  });
  it('puts the widest first when descending, still no interval last', () => {
    expect(sortRows(rows, width, false).map((r) => r.name)).toEqual(['Chad', 'Angola', 'Benin', 'Eritrea', 'Fiji']);
  });
  it('sorts text keys too, and leaves the input as it was', () => {
    expect(sortRows(rows, (r) => r.name, false).map((r) => r.name)).toEqual(['Fiji', 'Eritrea', 'Chad', 'Benin', 'Angola']);
    expect(rows[0].name).toBe('Chad');
  });
});
