import { describe, expect, it } from 'vitest';
import { indicatorTrace, pastEditions, spreadLabels, timelineSeries, valueRange } from '../../src/timeline';

const editions = ['2021', '2023', '2025'];
const kaz = { iso3: 'KAZ', name: 'Kazakhstan', raw: [4.26, 4.9, 5.03], like_for_like: [4.26, 4.6, 4.75] };
const uzb = { iso3: 'UZB', name: 'Uzbekistan', raw: [null, 5.1, 5.2], like_for_like: [null, 4.9, 5.0] };

describe('timeline series', () => {
  it('takes the raw or the like-for-like figures per edition', () => {
    expect(timelineSeries([kaz], editions, 'raw')[0].points.map((p) => p.value)).toEqual([4.26, 4.9, 5.03]);
    expect(timelineSeries([kaz], editions, 'like')[0].points).toEqual([
      { edition: '2021', value: 4.26 }, { edition: '2023', value: 4.6 }, { edition: '2025', value: 4.75 }]);
  });
  it('leaves out editions without a figure and countries given twice', () => {
    const series = timelineSeries([kaz, uzb, kaz], editions, 'raw');
    expect(series.map((s) => s.iso3)).toEqual(['KAZ', 'UZB']);
    expect(series[1].points.map((p) => p.edition)).toEqual(['2023', '2025']);
  });
  it('spans whole points around the figures', () => {
    expect(valueRange(timelineSeries([kaz, uzb], editions, 'raw'))).toEqual([4, 6]);
    expect(valueRange([{ iso3: 'X', name: 'X', points: [{ edition: '2021', value: 5 }] }])).toEqual([5, 6]);
    expect(valueRange([])).toEqual([0, 10]);
  });
  it('moves end labels apart without reordering them', () => {
    expect(spreadLabels([100, 95, 200], 13)).toEqual([108, 95, 200]);
  });
  it('reads an indicator from each edition\'s scores, the same like-for-like, missing where not scored', () => {
    const row = (iso3: string, v: number | null) => ({ iso3, name: iso3, continent: 'Asia', region: 'Central Asia', values: { heroin_trade: v } });
    const scores = [{ rows: [row('KAZ', 6)] }, { rows: [row('KAZ', 6.5), row('UZB', 5)] }, { rows: [row('KAZ', null)] }];
    expect(indicatorTrace(scores, 'KAZ', 'Kazakhstan', 'heroin_trade')).toEqual({ iso3: 'KAZ', name: 'Kazakhstan', raw: [6, 6.5, null], like_for_like: [6, 6.5, null] });
    expect(indicatorTrace(scores, 'UZB', 'Uzbekistan', 'heroin_trade').raw).toEqual([null, 5, null]);
  });
});

describe('pastEditions', () => {
  const edition = (year: number, previous: number | null) => ({ edition: year, framework: `f-${year}`, name: `F ${year}`, countries: 3, previous, latest: false });
  const stored = [edition(2021, null), edition(2023, 2021), edition(2025, 2023), edition(2031, null), edition(2034, 2034)];
  it('follows previous back, oldest first', () => {
    expect(pastEditions(stored, 2025).map((e) => e.edition)).toEqual([2021, 2023, 2025]);
    expect(pastEditions(stored, 2023).map((e) => e.edition)).toEqual([2021, 2023]);
  });
  it('leaves out another index stored alongside, and stops where previous loops', () => {
    expect(pastEditions(stored, 2031).map((e) => e.edition)).toEqual([2031]);
    expect(pastEditions(stored, 2034).map((e) => e.edition)).toEqual([2034]);
    expect(pastEditions(stored, 1999)).toEqual([]);
  });
});
