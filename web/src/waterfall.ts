// The waterfall of an explanation (GET /api/v1/explain): one row per indicator's
// contribution, from the running total before it to the one after, then the published
// difference. The geometry is pure (unit-tested); the chart is SVG.
import type { Explain, WaterfallStep } from './api';
import { h, s } from './dom';
import { signed } from './util';
import { exportButtons } from './chart-export';

export interface Span { from: number; to: number }

/** Each step's span on the value axis: from the total before it to the total after it. */
export function waterfallSpans(steps: { contribution: number }[]): Span[] {
  let total = 0;
  return steps.map((step) => {
    const from = total;
    total = Math.round((total + step.contribution) * 1e6) / 1e6;
    return { from, to: total };
  });
}

/** The axis range: every span and zero, with a little room. */
export function waterfallDomain(spans: Span[]): [number, number] {
  const values = spans.flatMap((p) => [p.from, p.to]).concat(0);
  const lo = Math.min(...values), hi = Math.max(...values);
  const pad = (hi - lo || 1) * 0.05;
  return [lo - pad, hi + pad];
}

const label = (step: WaterfallStep) => step.kind === 'added' ? `${step.name} (added)` : step.kind === 'dropped' ? `${step.name} (dropped)` : step.name;
/** Long names end in an ellipsis so they fit beside the bars (the full name is the bar's title). */
const fit = (name: string, max = 40) => name.length <= max ? name : `${name.slice(0, max - 1)}…`;

export function waterfallChart(explain: Explain, id: string, limit = 12): HTMLElement {
  // The largest contributions in full; the rest folded into one step so the chart stays legible.
  const main = explain.waterfall.filter((step) => step.kind !== 'rounding');
  const shown = main.slice(0, limit);
  const rest = main.slice(limit).reduce((sum, step) => sum + step.contribution, 0);
  const rounding = explain.waterfall.find((step) => step.kind === 'rounding');
  const rows: { name: string; contribution: number; kind: string }[] = [
    ...shown.map((step) => ({ name: label(step), contribution: step.contribution, kind: step.kind })),
    ...(main.length > limit ? [{ name: `${main.length - limit} other indicators`, contribution: Math.round(rest * 1e6) / 1e6, kind: 'rest' }] : []),
    ...(rounding ? [{ name: 'Rounding of published figures', contribution: rounding.contribution, kind: 'rounding' }] : []),
  ];
  const spans = waterfallSpans(rows);
  const [lo, hi] = waterfallDomain(spans);
  const width = 740, labelWidth = 270, valueWidth = 70, rowHeight = 20, top = 6;
  const plot = width - labelWidth - valueWidth;
  const x = (v: number) => labelWidth + ((v - lo) / (hi - lo)) * plot;
  const height = top + (rows.length + 1) * rowHeight + 8;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'waterfall', id, role: 'img',
    'aria-label': `Waterfall: contributions to the difference of ${explain.difference}` });
  svg.append(s('line', { x1: x(0), x2: x(0), y1: 0, y2: height, class: 'zero' }));
  const bar = (i: number, from: number, to: number, cls: string, name: string, text: string) => {
    const y = top + i * rowHeight;
    svg.append(s('text', { x: labelWidth - 6, y: y + 14, class: 'wf-label', 'text-anchor': 'end' }, fit(name)));
    const rect = s('rect', { x: Math.min(x(from), x(to)), y: y + 3, width: Math.max(1, Math.abs(x(to) - x(from))), height: rowHeight - 6, class: cls, 'data-step': name });
    rect.append(s('title', {}, `${name}: ${text}`));
    svg.append(rect);
    svg.append(s('text', { x: width - 4, y: y + 14, class: 'wf-value', 'text-anchor': 'end' }, text));
  };
  rows.forEach((row, i) => bar(i, spans[i].from, spans[i].to, `step ${row.contribution >= 0 ? 'up' : 'down'} ${row.kind}`, row.name, signed(row.contribution, 4)));
  bar(rows.length, 0, explain.difference, 'total', 'Published difference', signed(explain.difference, 2));
  // On a phone the chart keeps a legible width and scrolls sideways (focusable, so the keyboard can scroll it).
  return h('div', { class: 'waterfall-wrap' }, h('div', { class: 'chart-scroll', tabindex: 0, role: 'region', 'aria-label': 'Waterfall chart' }, svg),
    exportButtons(() => svg as SVGSVGElement, `ocindex-waterfall-${explain.a.iso3}${explain.b.iso3 === explain.a.iso3 ? '' : `-${explain.b.iso3}`}`, 'the waterfall'),
    h('p', { class: 'note' }, 'Red raises the difference, blue lowers it; pale bars are indicators only one side has (added between editions); grey: the remaining indicators together, and rounding.'));
}
