// Pure helpers of the flow map: market colours, arc geometry and labels (unit-tested).

// Okabe–Ito (without its yellow, too pale on white) then Tol's muted colours: distinct
// for the common colour-vision deficiencies.
export const MARKET_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000',
  '#882255', '#44AA99', '#999933', '#332288', '#AA4499', '#117733', '#888888'];

/** A stable colour per market: markets in the order given (sorted ids) take the palette in turn. */
export function marketColours(markets: string[]): Map<string, string> {
  return new Map([...markets].sort().map((m, i) => [m, MARKET_COLOURS[i % MARKET_COLOURS.length]]));
}

/**
 * A curved arc from a to b (SVG path): a quadratic Bézier whose control point sits off the
 * chord's midpoint, to the left of travel, by `bend` of the chord's length, so A→B and B→A
 * never overlap. `lane` separates several markets on the same pair.
 */
export function arcPath(a: [number, number], b: [number, number], bend = 0.2, lane = 0): string {
  const [x1, y1] = a, [x2, y2] = b;
  const dx = x2 - x1, dy = y2 - y1;
  const k = bend * (1 + 0.35 * lane);
  const cx = (x1 + x2) / 2 - dy * k, cy = (y1 + y2) / 2 + dx * k;
  const r = (v: number) => Math.round(v * 10) / 10;
  return `M${r(x1)},${r(y1)} Q${r(cx)},${r(cy)} ${r(x2)},${r(y2)}`;
}

/** An indicator id as words when the framework has no name for it ("heroin_trade" → "Heroin trade"). */
export function marketLabel(id: string, names: Map<string, string>): string {
  const name = names.get(id);
  if (name) return name;
  const words = id.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
