import { describe, expect, it } from 'vitest';
import type { Framework, Profile, ProfileMeasure, Rank } from '../../src/api';
import { buildProfileModel, changeText, layoutChart } from '../../src/profile-model';

// A made-up country on a two-pillar framework; the actors group repeats its component's name.
const rank = (position: number, tied = false): Rank => ({ position, of: 10, tied });
function measure(id: string, kind: ProfileMeasure['kind'], parent: string | null, value: number | null, extra: Partial<ProfileMeasure> = {}): ProfileMeasure {
  return { id, name: id[0].toUpperCase() + id.slice(1).replace(/_/g, ' '), kind, parent, value, ranks: { world: null, continent: null, region: null },
    means: { world: 5, continent: 5.5, region: 6 }, change: null, ...extra };
}
function profile(edition: number, previous: number | null, crimRank: Rank, change: ProfileMeasure['change'] = null): Profile {
  return {
    iso3: 'VAL', name: 'Valdoria', continent: 'Europe', region: 'Lakeland', edition, previous_edition: previous,
    quadrant: { label: 'high criminality, low resilience', criminality_high: true, resilience_high: false },
    measures: [
      measure('criminality', 'pillar', null, 6.25, { ranks: { world: crimRank, continent: rank(2), region: rank(1) }, change }),
      measure('criminal_actors', 'component', 'criminality', 6.5),
      measure('criminal_actors_group', 'group', 'criminal_actors', 6.5, { name: 'Criminal actors' }),
      measure('mafia', 'indicator', 'criminal_actors_group', 6.5),
      measure('resilience', 'pillar', null, 3, { ranks: { world: rank(9), continent: rank(4), region: rank(3) } }),
      measure('courts', 'indicator', 'resilience', null),
    ],
  };
}
const framework = { decimals: 2, name: 'Test Index 2023', quadrant: { x: 'resilience', y: 'criminality', threshold: 5.5 },
  scale: { min: 1, max: 10, step: 0.5 } } as Framework;

describe('changeText', () => {
  it('signs changes like the PDF and dashes missing ones', () => {
    expect(changeText(0.21, 2)).toBe('+0.21');
    expect(changeText(-0.05, 2)).toBe('-0.05');
    expect(changeText(0, 2)).toBe('0.00');
    expect(changeText(null, 2)).toBe('–');
  });
});

describe('buildProfileModel', () => {
  const now = profile(2023, 2021, rank(3, true), { previous: 6, delta: 0.25, rank_change: { world: 2, continent: 0, region: 0 } });
  const before = profile(2021, null, rank(5));
  const m = buildProfileModel(now, before, framework);

  it('titles the profile like the PDF', () => {
    expect(m.title).toBe('Valdoria (VAL)');
    expect(m.subtitle).toBe('Europe · Lakeland · Test Index 2023');
    expect(m.quadrantRule).toBe('criminality against resilience, cut at 5.5 on both axes; 5.5 counts as high');
  });
  it('puts each pillar\'s rank, previous rank and move in the rank table', () => {
    expect(m.ranks[0]).toEqual(['Scope', 'Criminality', '2021', 'Move', 'Resilience', '2021', 'Move']);
    expect(m.ranks[1]).toEqual(['World', '=3/10', '5/10', '+2', '9/10', '9/10', '0']);
    expect(m.rankNote).toMatch(/a positive move is towards rank 1\.$/);
  });
  it('lists every measure once, the repeated group left out', () => {
    expect(m.rows.map((r) => r.id)).toEqual(['criminality', 'criminal_actors', 'mafia', 'resilience', 'courts']);
    expect(m.scoreHeader).toEqual(['Measure', 'Score', 'Region avg', 'World avg', '2021', 'Change']);
    expect(m.rows[0].cells).toEqual(['6.25', '6.00', '5.00', '6.00', '+0.25']);
    expect(m.rows[4].cells).toEqual(['–', '6.00', '5.00', '–', '–']);
  });
  it('charts indicators under their group, coloured by pillar', () => {
    expect(m.bars).toEqual([
      { pillar: 'criminality', group: 'Criminal actors', label: 'Mafia', score: 6.5, region: 6 },
      { pillar: 'resilience', group: 'Resilience', label: 'Courts', score: null, region: 6 },
    ]);
  });
  it('drops the previous-edition columns when there is none', () => {
    const alone = buildProfileModel(before, null, framework);
    expect(alone.ranks[0]).toEqual(['Scope', 'Criminality', 'Resilience']);
    expect(alone.scoreHeader).toHaveLength(4);
    expect(alone.rankNote).toMatch(/shared rank\.$/);
  });
});

describe('layoutChart', () => {
  const m = buildProfileModel(profile(2021, null, rank(1)), null, framework);
  const chart = layoutChart(m.bars, m.scale, 493);
  const texts = chart.texts.map((t) => t.text);
  it('draws group headings before their indicators, and n/a for the unassessed', () => {
    expect(texts.indexOf('Criminal actors')).toBeLessThan(texts.indexOf('Mafia'));
    expect(texts.indexOf('Resilience')).toBeLessThan(texts.indexOf('Courts'));
    expect(texts).toContain('6.5');
    expect(texts).toContain('n/a (not assessed)');
  });
  it('scales bars to the axis', () => {
    const bar = chart.rects.find((r) => r.color === '#b2182b' && r.height === 8)!;
    const left = Math.min(210, 493 * 0.42) + 6, right = 493 - 30;
    expect(bar.width).toBeCloseTo(((right - left) * (6.5 - 1)) / 9, 6);
    expect(chart.height).toBeGreaterThan(50);
  });
});

describe('layoutChart zoomed for a screen', () => {
  const m = buildProfileModel(profile(2021, null, rank(1)), null, framework);
  const pdf = layoutChart(m.bars, m.scale, 493);
  const phone = layoutChart(m.bars, m.scale, 330, 1.7);
  it('keeps the width and enlarges every text by the zoom, never below 9 units', () => {
    expect(phone.width).toBe(330);
    expect(Math.min(...phone.texts.map((t) => t.size))).toBeGreaterThanOrEqual(9);
    expect(Math.min(...pdf.texts.map((t) => t.size))).toBeLessThan(9);
  });
  it('shortens a label that would not fit at the smallest size, which the page never needs', () => {
    const bars = [{ pillar: 'criminality', group: 'People', label: 'Extortion and protection racketeering', score: 3.5, region: 4 }];
    const label = (width: number, zoom: number) => layoutChart(bars, m.scale, width, zoom).texts.find((t) => t.anchor === 'end')!;
    expect(label(493, 1).text).toBe('Extortion and protection racketeering');
    const narrow = label(330, 1.7);
    expect(narrow.text.endsWith('…')).toBe(true);
    expect(narrow.text.length * narrow.size * 0.75).toBeLessThanOrEqual(330 * 0.42);
  });
  it('wraps the legend inside the width on a narrow screen, and not on the page', () => {
    const legend = (c: typeof pdf) => c.texts.filter((t) => /indicator$|region average/.test(t.text));
    expect(new Set(legend(pdf).map((t) => t.y)).size).toBe(1);
    expect(new Set(legend(phone).map((t) => t.y)).size).toBeGreaterThan(1);
    expect(Math.max(...phone.rects.map((r) => r.x + r.width))).toBeLessThanOrEqual(330);
  });
});
