// The printable country profile as data, built the way the PDF's ProfileView is
// (src/adapters/render/profile_view.cc, RankTable in profile_markdown.cc, the chart in
// profile_chart.cc) from the API's country profile, the previous edition's profile and
// the framework, so the explorer's print view shows what `ocindex profile export` does.
// Pure (no DOM): unit-tested in tests/unit/profile-model.test.ts.
import { repeatsParent, type Framework, type Profile, type ProfileMeasure } from './api';
import { rankText } from './util';

const DASH = '–';  // an empty cell, as in the PDF

export interface ScoreRow {
  id: string; name: string; kind: string;
  cells: string[];  // score, region average, world average[, previous, change]
}
export interface Bar { pillar: string; group: string; label: string; score: number | null; region: number | null }
export interface ProfileModel {
  title: string; subtitle: string; quadrant: string; quadrantRule: string; folio: string;
  ranks: string[][];  // header row first, then World, Continent, Region
  rankNote: string;
  scoreHeader: string[];
  rows: ScoreRow[];
  bars: Bar[];
  scale: { min: number; max: number };
}

const fixed = (v: number | null | undefined, d: number) => (v === null || v === undefined ? DASH : v.toFixed(d));
const signedInt = (n: number) => (n > 0 ? `+${n}` : String(n));
const SCOPES = ['world', 'continent', 'region'] as const;

/** "+0.21", "-0.05", "0.00" (the PDF's change column); a dash when either side is missing. */
export function changeText(delta: number | null | undefined, d: number): string {
  if (delta === null || delta === undefined) return DASH;
  const text = Math.abs(delta).toFixed(d);
  return delta > 0 ? `+${text}` : delta < 0 && Number(text) !== 0 ? `-${text}` : text;
}

export function buildProfileModel(p: Profile, previous: Profile | null, framework: Framework): ProfileModel {
  const d = framework.decimals;
  const before = previous ? p.previous_edition : null;
  const threshold = String(framework.quadrant.threshold);
  const byId = new Map(p.measures.map((m) => [m.id, m]));
  const previousById = new Map((previous?.measures ?? []).map((m) => [m.id, m]));
  const rankHeader = ['Scope'];
  const rankRows: string[][] = [['World'], ['Continent'], ['Region']];
  const rows: ScoreRow[] = [];
  const bars: Bar[] = [];
  let group = '';
  let pillar = '';
  for (const m of p.measures) {
    if (m.kind !== 'indicator') {
      group = m.name;
      if (repeatsParent(m.kind, m.name, m.parent ? byId.get(m.parent)?.name : undefined)) continue;
      if (m.parent === null) {
        pillar = m.id;
        addRanks(m, previousById.get(m.id), before, rankHeader, rankRows);
      }
    } else {
      bars.push({ pillar, group, label: m.name, score: m.value, region: m.means.region });
    }
    const cells = [fixed(m.value, d), fixed(m.means.region, d), fixed(m.means.world, d)];
    if (before !== null) cells.push(fixed(m.change?.previous, d), changeText(m.change?.delta, d));
    rows.push({ id: m.id, name: m.name, kind: m.kind, cells });
  }
  return {
    title: `${p.name} (${p.iso3})`,
    subtitle: `${p.continent} · ${p.region} · ${framework.name}`,
    quadrant: p.quadrant?.label ?? 'not classified',
    quadrantRule: `criminality against resilience, cut at ${threshold} on both axes; ${threshold} counts as high`,
    folio: `${p.name} · ${framework.name} country profile`,
    ranks: [rankHeader, ...rankRows],
    rankNote: `Rank 1 is the highest score in the scope; '=' marks a shared rank${before === null ? '.' : '; a positive move is towards rank 1.'}`,
    scoreHeader: ['Measure', 'Score', 'Region avg', 'World avg', ...(before === null ? [] : [String(before), 'Change'])],
    rows,
    bars,
    scale: { min: framework.scale.min, max: framework.scale.max },
  };
}

function addRanks(m: ProfileMeasure, old: ProfileMeasure | undefined, before: number | null, header: string[], rows: string[][]): void {
  header.push(m.name, ...(before === null ? [] : [String(before), 'Move']));
  SCOPES.forEach((scope, i) => {
    const now = m.ranks?.[scope];
    rows[i].push(rankText(now));
    if (before === null) return;
    const then = old?.ranks?.[scope];
    rows[i].push(rankText(then), now && then ? signedInt(then.position - now.position) : DASH);
  });
}

// The indicator chart's geometry, as LayoutIndicatorChart in profile_chart.cc lays it out
// (units are points there and CSS pixels here; the SVG scales to its box).
export interface ChartText { x: number; y: number; text: string; size: number; bold: boolean; anchor: 'start' | 'middle' | 'end'; color: string }
export interface ChartLayout {
  width: number; height: number;
  rects: { x: number; y: number; width: number; height: number; color: string }[];
  lines: { x1: number; y1: number; x2: number; y2: number; stroke: number; color: string }[];
  texts: ChartText[];
}

const pillarColor = (pillar: string) => (pillar === 'resilience' ? '#2166ac' : '#b2182b');

/** `zoom` enlarges the text, rows and bars (not the width): the screen shows the chart at
 *  the width it has with text as legible as the PDF's on paper; 1 is the PDF's geometry. */
export function layoutChart(bars: Bar[], scale: { min: number; max: number }, width: number, zoom = 1): ChartLayout {
  const [ROW, GROUP_ROW, AXIS, LEGEND, BAR, VALUE, LABEL, MIN_LABEL] = [12, 16, 18, 20, 8, 30, 7, 5.5].map((v) => v * zoom);
  const ADVANCE = 0.75;
  const textWidth = (t: string, size: number) => [...t].length * size * ADVANCE;
  const fitting = (t: string, w: number) => (textWidth(t, LABEL) <= w ? LABEL : Math.max(MIN_LABEL, (LABEL * w) / textWidth(t, LABEL)));
  // A label too long even at the smallest size ends in an ellipsis (never at the PDF's width, where all fit).
  const shortened = (t: string, w: number) => textWidth(t, MIN_LABEL) <= w ? t : `${[...t].slice(0, Math.floor(w / (MIN_LABEL * ADVANCE)) - 1).join('')}…`;
  const chart: ChartLayout = { width, height: 0, rects: [], lines: [], texts: [] };
  const labelWidth = Math.min(210, width * 0.42);
  const left = labelWidth + 6, right = width - VALUE;
  const x = (v: number) => left + ((right - left) * (v - scale.min)) / (scale.max - scale.min);
  const ticks: number[] = [];
  for (let t = Math.ceil(scale.min); t <= scale.max; t += 1) ticks.push(t);
  let y = AXIS;
  for (const t of ticks) chart.texts.push({ x: x(t), y: y - 6 * zoom, text: String(t), size: 6.5 * zoom, bold: false, anchor: 'middle', color: '#555555' });
  const top = y;
  let group = '';
  for (const bar of bars) {
    if (bar.group !== group) {
      group = bar.group;
      y += GROUP_ROW;
      chart.texts.push({ x: 0, y: y - 4 * zoom, text: group, size: 8 * zoom, bold: true, anchor: 'start', color: '#111111' });
    }
    const barTop = y + (ROW - BAR) / 2;
    y += ROW;
    chart.texts.push({ x: labelWidth, y: y - 3 * zoom, text: shortened(bar.label, labelWidth), size: fitting(bar.label, labelWidth), bold: false, anchor: 'end', color: '#222222' });
    if (bar.score !== null) {
      chart.rects.push({ x: left, y: barTop, width: x(bar.score) - left, height: BAR, color: pillarColor(bar.pillar) });
      chart.texts.push({ x: right + 4, y: y - 3 * zoom, text: bar.score.toFixed(1), size: LABEL, bold: false, anchor: 'start', color: '#222222' });
    } else {
      chart.texts.push({ x: left + 2, y: y - 3 * zoom, text: 'n/a (not assessed)', size: LABEL, bold: false, anchor: 'start', color: '#777777' });
    }
    if (bar.region !== null) chart.lines.push({ x1: x(bar.region), y1: barTop - 1.5 * zoom, x2: x(bar.region), y2: barTop + BAR + 1.5 * zoom, stroke: 1.2, color: '#000000' });
  }
  const bottom = y + 3 * zoom;
  chart.lines.unshift(...ticks.map((t) => ({ x1: x(t), y1: top, x2: x(t), y2: bottom, stroke: 0.3, color: '#cccccc' })));
  y = bottom + LEGEND;
  // The legend, on as many lines as the width needs (one on the PDF's page).
  let lx = 0;
  const legend = (text: string, key: (at: number) => void) => {
    const w = 25 * zoom + textWidth(text, LABEL);
    if (lx > 0 && lx + w - 12 * zoom > width) { lx = 0; y += LEGEND * 0.75; }
    key(lx);
    chart.texts.push({ x: lx + 13 * zoom, y: y - zoom, text, size: LABEL, bold: false, anchor: 'start', color: '#222222' });
    lx += w;
  };
  const swatch = (pillar: string) => (at: number) => chart.rects.push({ x: at, y: y - 7 * zoom, width: 10 * zoom, height: 7 * zoom, color: pillarColor(pillar) });
  legend('criminality indicator', swatch('criminality'));
  legend('resilience indicator', swatch('resilience'));
  legend('region average', (at) => chart.lines.push({ x1: at + 5 * zoom, y1: y - 8 * zoom, x2: at + 5 * zoom, y2: y + zoom, stroke: 1.2, color: '#000000' }));
  chart.height = y + 4 * zoom;
  return chart;
}
