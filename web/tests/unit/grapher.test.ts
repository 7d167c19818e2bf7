import { describe, expect, it } from 'vitest';
import { grapherHash, readState, toggled } from '../../src/grapher/state';
import { keptRows, orderedRows } from '../../src/grapher/rows';
import { stripLayout } from '../../src/grapher/strip';
import { parseHash, rankText } from '../../src/util';

const route = (hash: string) => { const r = parseHash(hash); return readState(r.path, r.query); };

describe('the measure view state', () => {
  it('reads every part of the URL and writes it back unchanged', () => {
    const hash = '#/measure/resilience?edition=2021&tab=table&continent=Asia&region=South-Eastern+Asia&sort=-value&q=viet&selected=KAZ,UZB';
    const s = route(hash);
    expect(s).toEqual({ measure: 'resilience', edition: 2021, tab: 'table', continent: 'Asia', region: 'South-Eastern Asia',
      sort: 'value', ascending: false, q: 'viet', selected: ['KAZ', 'UZB'] });
    expect(grapherHash(s)).toBe(hash);
    expect(grapherHash(s, true)).toBe(hash.replace('#/measure/', '#/embed/measure/'));
    expect(route(grapherHash(s, true))).toEqual(s);
  });
  it('falls back on defaults, which the link leaves out', () => {
    const s = route('#/measure?tab=pie&sort=colour&selected=kaz,x,UZB2');
    expect(s).toMatchObject({ measure: 'criminality', edition: null, tab: 'chart', sort: 'rank', ascending: true, selected: ['KAZ'] });
    expect(grapherHash({ ...s, selected: [] })).toBe('#/measure/criminality');
  });
  it('picks a country out, and back in', () => {
    expect(toggled(['KAZ'], 'UZB')).toEqual(['KAZ', 'UZB']);
    expect(toggled(['KAZ', 'UZB'], 'KAZ')).toEqual(['UZB']);
  });
});

const row = (iso3: string, name: string, value: number | null, position: number | null, continent = 'Asia', region = 'Central Asia') =>
  ({ iso3, name, continent, region, value, ranks: { world: position === null ? null : { position } } });

describe('the measure view rows', () => {
  const rows = [row('KAZ', 'Kazakhstan', 4.5, 2), row('UZB', 'Uzbekistan', 4.5, 2), row('FRA', 'France', 6, 1, 'Europe', 'Western Europe'), row('XXX', 'Nowhere', null, null)];
  it('keeps the place filters and the search', () => {
    expect(keptRows(rows, 'Asia', '', null).map((r) => r.iso3)).toEqual(['KAZ', 'UZB', 'XXX']);
    expect(keptRows(rows, '', 'Western Europe', null).map((r) => r.iso3)).toEqual(['FRA']);
    expect(keptRows(rows, '', '', new Set(['UZB'])).map((r) => r.iso3)).toEqual(['UZB']);
  });
  it('orders by rank, value or name, ties by name and missing values last', () => {
    expect(orderedRows(rows, 'rank', true).map((r) => r.iso3)).toEqual(['FRA', 'KAZ', 'UZB', 'XXX']);
    expect(orderedRows(rows, 'value', false).map((r) => r.iso3)).toEqual(['FRA', 'KAZ', 'UZB', 'XXX']);
    expect(orderedRows(rows, 'value', true).map((r) => r.iso3)).toEqual(['KAZ', 'UZB', 'FRA', 'XXX']);
    expect(orderedRows(rows, 'name', false).map((r) => r.iso3)).toEqual(['UZB', 'XXX', 'KAZ', 'FRA']);
  });
});

describe('the strip chart layout', () => {
  const rows = [
    { iso3: 'KAZ', name: 'Kazakhstan', group: 'Asia', value: 1 },
    { iso3: 'UZB', name: 'Uzbekistan', group: 'Asia', value: 10 },
    { iso3: 'KGZ', name: 'Kyrgyzstan', group: 'Asia', value: 10 },
    { iso3: 'FRA', name: 'France', group: 'Europe', value: 5.5 },
    { iso3: 'XXX', name: 'Nowhere', group: 'Europe', value: null },
  ];
  const layout = stripLayout(rows, { min: 1, max: 10 }, 400, ['KAZ', 'UZB']);
  it('places the scale from its minimum to its maximum across the width, one strip per group', () => {
    expect(layout.ticks.map((t) => t.text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(layout.ticks[0].x).toBeCloseTo(14);
    expect(layout.ticks[9].x).toBeCloseTo(386);
    expect(layout.groups.map((g) => [g.name, g.count])).toEqual([['Asia', 3], ['Europe', 1]]);
    expect(layout.dots.map((d) => d.iso3)).not.toContain('XXX');
  });
  it('draws the picked countries last, named, with every name inside the chart', () => {
    expect(layout.dots.slice(-2).map((d) => d.iso3).sort()).toEqual(['KAZ', 'UZB']);
    expect(layout.labels.map((l) => l.text)).toEqual(['Kazakhstan', 'Uzbekistan']);
    expect(layout.labels[0].anchor).toBe('start');
    expect(layout.labels[1].anchor).toBe('end');
    expect(layout.labels[0].y).not.toBe(layout.labels[1].y);
  });
  it('keeps equal values apart', () => {
    const [a, b] = layout.dots.filter((d) => d.value === 10);
    expect(a.x).toBe(b.x);
    expect(a.y).not.toBe(b.y);
  });
});

describe('rank notation', () => {
  it('marks a shared rank with a leading "=" everywhere', () => {
    expect(rankText({ position: 131, of: 193, tied: true })).toBe('=131/193');
    expect(rankText({ position: 5, of: 193, tied: false })).toBe('5/193');
    expect(rankText({ position: 131, of: 193, tied: true }, false)).toBe('=131');
    expect(rankText(null)).toBe('–');
  });
});
