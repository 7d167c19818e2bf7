import { describe, expect, it } from 'vitest';
import { closest, fallbackMeasure, fmt, histogram, parseHash, pearson, quadrantCounts, signed } from '../../src/util';
import { measureCsvHref } from '../../src/api';

describe('fmt and signed', () => {
  it('prints missing values as n/a and dashes', () => {
    expect(fmt(null)).toBe('n/a');
    expect(fmt(4.26)).toBe('4.26');
    expect(fmt(5, 0)).toBe('5');
    expect(signed(0.16)).toBe('+0.16');
    expect(signed(-0.4)).toBe('−0.40');
    expect(signed(0)).toBe('0.00');
    expect(signed(null)).toBe('–');
  });
});

describe('pearson', () => {
  it('is 1 and -1 on perfect lines', () => {
    expect(pearson([[1, 2], [2, 4], [3, 6]]).r).toBeCloseTo(1, 12);
    expect(pearson([[1, 3], [2, 2], [3, 1]]).r).toBeCloseTo(-1, 12);
  });
  it('matches a hand-computed value and skips missing pairs', () => {
    // x = 1,2,3,4 ; y = 2,1,4,3: sxy = 3, sxx = syy = 5, r = 0.6
    const { r, n } = pearson([[1, 2], [2, 1], [null, 7], [3, 4], [4, 3], [5, null]]);
    expect(n).toBe(4);
    expect(r).toBeCloseTo(0.6, 12);
  });
  it('is null with fewer than three pairs or no spread', () => {
    expect(pearson([[1, 2], [2, 3]]).r).toBeNull();
    expect(pearson([[1, 2], [1, 3], [1, 4]]).r).toBeNull();
  });
});

describe('histogram', () => {
  it('puts each value in its half-point bin and the maximum in the last bin', () => {
    const bins = histogram([1, 1.4, 1.5, 9.99, 10], 1, 10, 0.5);
    expect(bins).toHaveLength(18);
    expect(bins[0]).toEqual({ lo: 1, count: 2 });
    expect(bins[1]).toEqual({ lo: 1.5, count: 1 });
    expect(bins[17].count).toBe(2);
  });
});

describe('quadrantCounts', () => {
  it('counts exactly the threshold as high', () => {
    const c = quadrantCounts([{ x: 5.5, y: 5.5 }, { x: 5.49, y: 5.5 }, { x: 1, y: 1 }, { x: 6, y: 2 }], 5.5);
    expect(c).toEqual({ highYhighX: 1, highYlowX: 1, lowYlowX: 1, lowYhighX: 1 });
  });
});

describe('parseHash', () => {
  it('splits path and query', () => {
    const r = parseHash('#/country/KAZ?edition=2021');
    expect(r.path).toEqual(['country', 'KAZ']);
    expect(r.query.get('edition')).toBe('2021');
    expect(parseHash('').path).toEqual([]);
  });
});

describe('fallbackMeasure', () => {
  const from = [
    { id: 'criminality', parent: null }, { id: 'people', parent: 'criminality' },
    { id: 'extortion', parent: 'people' }, { id: 'human_trafficking', parent: 'people' },
  ];
  it('keeps a measure the other framework has', () => {
    expect(fallbackMeasure('human_trafficking', from, [{ id: 'criminality' }, { id: 'people' }, { id: 'human_trafficking' }])).toBe('human_trafficking');
  });
  it('climbs to the nearest ancestor the other framework has', () => {
    expect(fallbackMeasure('extortion', from, [{ id: 'criminality' }, { id: 'people' }])).toBe('people');
    expect(fallbackMeasure('extortion', from, [{ id: 'criminality' }])).toBe('criminality');
  });
  it('is null when no ancestor is there', () => {
    expect(fallbackMeasure('extortion', from, [{ id: 'resilience' }])).toBeNull();
  });
});

describe('closest', () => {
  const pages = ['map', 'rankings', 'country', 'compare', 'matrix', 'changes'];
  it('finds a misspelt name and a prefix', () => {
    expect(closest('rankngs', pages)[0]).toBe('rankings');
    expect(closest('comp', pages)).toContain('compare');
  });
  it('offers nothing for a far word', () => {
    expect(closest('zzzzzzzzzz', pages)).toEqual([]);
  });
});

describe('measureCsvHref', () => {
  it('narrows the file as the page is, leaving out what is not set', () => {
    expect(measureCsvHref(2025, 'criminality')).toBe('api/v1/editions/2025/measure.csv?measure=criminality');
    expect(measureCsvHref(2021, 'resilience', { continent: 'Asia', region: '', q: 'côte', from: 5, to: null }))
      .toBe('api/v1/editions/2021/measure.csv?measure=resilience&continent=Asia&q=c%C3%B4te&from=5');
  });
});
