// The map's stepped colour scale: steps of a round width over the range the data span
// (not the method's whole 1–10), each a colour of a multi-hue palette, with a legend that
// marks every step boundary.
import { scaleThreshold } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { s } from '../dom';

export interface Steps { lo: number; hi: number; step: number; thresholds: number[] }

const WIDTHS = [0.25, 0.5, 1, 2, 2.5, 5];

/** Steps covering `values`: the narrowest round width giving at most `most` steps, ends
 *  rounded outward to it. No values (or one value) still give one step. */
export function legendSteps(values: number[], most = 8): Steps {
  if (!values.length) return { lo: 0, hi: 1, step: 1, thresholds: [] };
  const min = Math.min(...values), max = Math.max(...values);
  const span = (step: number) => {
    const lo = Math.floor(min / step) * step;
    return { lo, hi: Math.max(lo + step, Math.ceil(max / step) * step) };
  };
  const count = (step: number) => { const { lo, hi } = span(step); return Math.round((hi - lo) / step); };
  const step = WIDTHS.find((w) => count(w) <= most) ?? WIDTHS[WIDTHS.length - 1];
  const { lo, hi } = span(step);
  return { lo, hi, step, thresholds: Array.from({ length: count(step) - 1 }, (_, i) => lo + (i + 1) * step) };
}

/** One colour per step, light (low) to dark (high). Viridis runs yellow, green, teal, blue,
 *  purple: its middle is a clear hue, unlike cividis's grey, and it stays ordered for every
 *  common colour-vision deficiency. The lightest and darkest ends are left out. */
export function stepColours(count: number): string[] {
  return Array.from({ length: count }, (_, i) => interpolateViridis(0.95 - (count === 1 ? 0.45 : (0.85 * i) / (count - 1))));
}

export function stepScale(steps: Steps): (value: number) => string {
  return scaleThreshold<number, string>().domain(steps.thresholds).range(stepColours(steps.thresholds.length + 1));
}

/** The legend: a swatch per step, a tick and figure at every boundary, and grey for not
 *  assessed; its text alternative names every step. */
export function legend(steps: Steps): SVGElement {
  const bounds = [steps.lo, ...steps.thresholds, steps.hi];
  const colours = stepColours(bounds.length - 1);
  const w = 34, left = 10, width = left + w * colours.length + 130;
  const places = Number.isInteger(steps.step) ? 0 : String(steps.step).split('.')[1].length;
  const label = (v: number) => v.toFixed(places);
  const svg = s('svg', { class: 'legend', viewBox: `0 0 ${width} 34`, width, height: 34, role: 'img',
    'aria-label': `Colour steps: ${colours.map((_, i) => `${label(bounds[i])} to ${label(bounds[i + 1])}`).join(', ')}; grey: not assessed` });
  colours.forEach((c, i) => svg.append(s('rect', { x: left + i * w, y: 2, width: w, height: 12, fill: c })));
  bounds.forEach((b, i) => {
    svg.append(s('line', { x1: left + i * w, x2: left + i * w, y1: 2, y2: 18, class: 'legend-tick' }));
    svg.append(s('text', { x: left + i * w, y: 30, 'text-anchor': 'middle', class: 'legend-label' }, label(b)));
  });
  const na = left + w * colours.length + 18;
  svg.append(s('rect', { x: na, y: 2, width: 14, height: 12, class: 'na' }), s('text', { x: na + 20, y: 13, class: 'legend-label' }, 'not assessed'));
  return svg;
}
