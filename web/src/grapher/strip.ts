// The measure view's chart: every country a dot on the measure's scale, one strip per
// continent (or per region within a continent), the countries picked out drawn last
// (on top), larger, and named. The layout is pure (unit-tested); it is laid out at the
// width it is shown at, so its text is always drawn at its own size, on a phone too.
import { s } from '../dom';

export interface StripRow { iso3: string; name: string; group: string; value: number | null }
export interface StripDot { iso3: string; name: string; value: number; x: number; y: number; picked: boolean }
export interface StripLabel { iso3: string; text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' }
export interface StripLayout {
  width: number; height: number;
  ticks: { x: number; text: string }[];
  axisY: [number, number];
  groups: { name: string; y: number; count: number }[];
  dots: StripDot[];  // picked ones last, so they are drawn on top
  labels: StripLabel[];
}

const PAD = 14, TITLE = 20, STRIP = 34, LABEL_GAP = 15, FONT_WIDTH = 6.6;

export function stripLayout(rows: StripRow[], scale: { min: number; max: number }, width: number, picked: string[]): StripLayout {
  const x = (v: number) => PAD + ((width - 2 * PAD) * (v - scale.min)) / (scale.max - scale.min);
  const names = [...new Set(rows.map((r) => r.group))].sort();
  const ticks = [];
  for (let t = Math.ceil(scale.min); t <= scale.max; t += 1) ticks.push({ x: x(t), text: String(t) });
  const groups: StripLayout['groups'] = [];
  const dots: StripDot[] = [];
  const labels: StripLabel[] = [];
  let y = 22;
  for (const name of names) {
    const members = rows.filter((r): r is StripRow & { value: number } => r.group === name && r.value !== null);
    groups.push({ name, y: y + 14, count: members.length });
    const middle = y + TITLE + STRIP / 2;
    // Equal values spread up and down the strip so that none hides another completely.
    const seen = new Map<number, number>();
    for (const r of members) {
      const n = seen.get(r.value) ?? 0;
      seen.set(r.value, n + 1);
      const offset = (n % 2 ? -1 : 1) * Math.ceil(n / 2) * 4;
      dots.push({ iso3: r.iso3, name: r.name, value: r.value, x: x(r.value), y: middle + Math.max(-12, Math.min(12, offset)), picked: picked.includes(r.iso3) });
    }
    // Names of the picked countries above and below the strip, alternating from left to right.
    const chosen = dots.filter((d) => d.picked && members.some((m) => m.iso3 === d.iso3)).sort((a, b) => a.x - b.x);
    chosen.forEach((d, i) => {
      const half = (d.name.length * FONT_WIDTH) / 2;
      const anchor = d.x - half < 0 ? 'start' : d.x + half > width ? 'end' : 'middle';
      labels.push({ iso3: d.iso3, text: d.name, x: anchor === 'start' ? 2 : anchor === 'end' ? width - 2 : d.x, y: i % 2 ? middle + LABEL_GAP + 9 : middle - LABEL_GAP, anchor });
    });
    y += TITLE + STRIP + 2 * LABEL_GAP;
  }
  dots.sort((a, b) => Number(a.picked) - Number(b.picked));
  return { width, height: y + 6, ticks, axisY: [18, y], groups, dots, labels };
}

/** The chart as SVG; `onPick` is called with a dot's ISO3 when it is clicked or chosen with Enter. */
export function stripChart(layout: StripLayout, label: string, decimals: number, onPick: (iso3: string) => void): SVGSVGElement {
  const svg = s('svg', { viewBox: `0 0 ${layout.width} ${layout.height}`, class: 'dot-strip', id: 'grapher-chart', role: 'group', 'aria-label': label }) as SVGSVGElement;
  for (const t of layout.ticks) {
    svg.append(s('line', { x1: t.x, x2: t.x, y1: layout.axisY[0], y2: layout.axisY[1], class: 'grid' }),
      s('text', { x: t.x, y: 12, class: 'tick', 'text-anchor': 'middle' }, t.text));
  }
  for (const g of layout.groups) svg.append(s('text', { x: 2, y: g.y, class: 'strip-group' }, `${g.name} (${g.count})`));
  for (const d of layout.dots) {
    const dot = s('circle', { cx: d.x.toFixed(1), cy: d.y.toFixed(1), r: d.picked ? 6.5 : 4.5, class: `pt${d.picked ? ' hl' : ''}`, tabindex: 0, role: 'button',
      'data-iso3': d.iso3, 'aria-pressed': String(d.picked), 'aria-label': `${d.name}: ${d.value.toFixed(decimals)}` });
    dot.append(s('title', {}, `${d.name}: ${d.value.toFixed(decimals)}`));
    dot.addEventListener('click', () => onPick(d.iso3));
    dot.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') onPick(d.iso3); });
    svg.append(dot);
  }
  for (const l of layout.labels) svg.append(s('text', { x: l.x.toFixed(1), y: l.y.toFixed(1), class: 'pick-label', 'text-anchor': l.anchor, 'data-label': l.iso3 }, l.text));
  return svg;
}
