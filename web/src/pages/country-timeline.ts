// The country page's timeline: a measure across every edition (2021 → 2023 → 2025) as a
// line chart, for the country, its nearest peers and any countries added, as published or
// like-for-like. Its state (measure, basis, countries) is in the page's URL.
import { schemeTableau10 } from 'd3-scale-chromatic';
import { api, flatten, type Edition, type Trace } from '../api';
import { h, s, select, measureOptions } from '../dom';
import { fallbackMeasure, fmt } from '../util';
import { indicatorTrace, pastEditions, spreadLabels, timelineSeries, valueRange, type Basis, type Series } from '../timeline';
import { keepChanged } from '../url-state';
import { typedUnit, unitDatalist } from '../picker';

const MAX_OTHERS = 6;
const W = 500, H = 240, LEFT = 30, RIGHT = 150, TOP = 14, BOTTOM = 30;

/** The line chart; its text alternative is the table beside it. */
function chart(series: Series[], editions: string[], decimals: number, caption: string): SVGElement {
  const [lo, hi] = valueRange(series);
  const x = (e: string) => LEFT + (editions.indexOf(e) / Math.max(1, editions.length - 1)) * (W - LEFT - RIGHT);
  const y = (v: number) => TOP + ((hi - v) / (hi - lo)) * (H - TOP - BOTTOM);
  const svg = s('svg', { class: 'timeline-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${caption}; the figures are in the table below` });
  for (let v = lo; v <= hi; v++) svg.append(s('line', { x1: LEFT, x2: W - RIGHT, y1: y(v), y2: y(v), class: 'grid' }), s('text', { x: LEFT - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, String(v)));
  for (const e of editions) svg.append(s('text', { x: x(e), y: H - 8, 'text-anchor': 'middle', class: 'tick' }, e));
  const ends = spreadLabels(series.map((se) => (se.points.length ? y(se.points[se.points.length - 1].value) : TOP)), 16);
  series.forEach((se, k) => {
    const colour = k === 0 ? 'var(--ink)' : schemeTableau10[(k - 1) % schemeTableau10.length];
    const g = s('g', { class: `trace${k === 0 ? ' self' : ''}`, 'data-iso3': se.iso3, stroke: colour, fill: colour });
    g.append(s('polyline', { points: se.points.map((p) => `${x(p.edition).toFixed(1)},${y(p.value).toFixed(1)}`).join(' '), fill: 'none' }));
    for (const p of se.points) g.append(s('circle', { cx: x(p.edition), cy: y(p.value), r: k === 0 ? 4 : 3 }));
    const last = se.points[se.points.length - 1];
    if (last) g.append(s('text', { x: x(last.edition) + 8, y: ends[k] + 5, stroke: 'none', fill: 'var(--ink)', class: 'trace-label' }, `${se.name} ${fmt(last.value, decimals)}`));
    svg.append(g);
  });
  return svg;
}

function table(series: Series[], editions: string[], decimals: number, caption: string): HTMLElement {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'timeline-table' },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Country'), ...editions.map((e) => h('th', { scope: 'col', class: 'num' }, e)))),
    h('tbody', {}, ...series.map((se) => h('tr', { 'data-iso3': se.iso3 }, h('th', { scope: 'row' }, se.name),
      ...editions.map((e) => h('td', { class: 'num' }, fmt(se.points.find((p) => p.edition === e)?.value, decimals))))))));
}

/** The panel, at once; filled when its data comes. `query` is the country page's URL query (trace, basis, with). */
export function timelinePanel(edition: number, iso3: string, editions: Edition[], query: URLSearchParams): HTMLElement {
  const panel = h('section', { class: 'panel', id: 'timeline' }, h('h2', {}, 'Across editions'));
  fill(panel, edition, iso3, editions, query).catch((err: Error) => panel.append(h('p', { class: 'note' }, `No timeline: ${err.message}`)));
  return panel;
}

async function fill(panel: HTMLElement, edition: number, iso3: string, stored: Edition[], query: URLSearchParams): Promise<void> {
  const editions = pastEditions(stored, edition);
  const frameworks = await Promise.all(editions.map((e) => api.framework(e.edition)));
  const everywhere = (id: string) => frameworks.every((f) => flatten(f.measures).some((m) => m.id === id));
  const latest = frameworks[frameworks.length - 1].measures;
  const measures = flatten(latest).filter((m) => everywhere(m.id));
  // A measure not in every edition (Extortion, from 2023) is traced by the one it belongs to, with a note.
  const asked = query.get('trace') ?? 'criminality';
  const trace = fallbackMeasure(asked, flatten(latest), measures) ?? 'criminality';
  const named = (id: string) => flatten(latest).find((m) => m.id === id)?.name ?? id;
  const state = {
    trace,
    basis: (query.get('basis') === 'like' ? 'like' : 'raw') as Basis,
    with: query.has('with') ? query.get('with')!.split(',').filter(Boolean) : null as string[] | null,
  };
  const body = h('div', { 'aria-live': 'polite' });
  const countries = (await api.countries(edition)).countries;  // codes and names: a tenth of the scores' bytes
  const inEdition = new Set(countries.map((r) => r.iso3));
  let others: string[] = [];
  const input = h('input', { type: 'search', list: 'timeline-countries', id: 'timeline-add', placeholder: 'Type a country name' });
  const draw = async () => {
    if (!panel.isConnected) return;  // the reader has left the page: its URL is another's now
    keepChanged(`country/${iso3}`, { edition, trace: state.trace === 'criminality' ? null : state.trace, basis: state.basis === 'like' ? 'like' : null, with: state.with?.join(',') ?? null });
    // Composites are traced by the API, raw and like-for-like; an indicator is read from
    // each edition's scores (the peers' call then only names the peers).
    const indicator = measures.find((m) => m.id === state.trace)?.kind === 'indicator';
    let own: Awaited<ReturnType<typeof api.peers>>;
    try {
      own = await api.peers(edition, iso3, 'all', indicator ? 'criminality' : state.trace, 3);
    } catch (err) {
      body.replaceChildren(h('p', { class: 'note' }, `No timeline for this measure: ${(err as Error).message}`));
      return;
    }
    const shown = own.trajectories.editions;
    const [self, ...peers] = own.trajectories.countries;
    others = state.with ?? peers.map((p) => p.iso3);
    let traces: Trace[];
    if (indicator) {
      const scores = await Promise.all(shown.map((e) => api.scores(Number(e))));
      const nameOf = (c: string) => countries.find((r) => r.iso3 === c)?.name ?? c;
      traces = [self, ...others.map((o) => ({ iso3: o, name: nameOf(o) }))].map((c) => indicatorTrace(scores, c.iso3, c.name, state.trace));
    } else {
      // A country added by hand is traced on its own (the first row of its own trajectories).
      traces = [self, ...await Promise.all(others.map(async (o) => peers.find((p) => p.iso3 === o)
        ?? (await api.peers(edition, o, 'all', state.trace, 1)).trajectories.countries[0]))];
    }
    const traced = traces.slice(1);
    const series = timelineSeries(traces, shown, state.basis);
    const name = measures.find((m) => m.id === state.trace)?.name ?? state.trace;
    const caption = `${name} of ${self.name} and ${traced.length} other countries in ${shown.join(', ')}, ${state.basis === 'raw' ? 'as published' : 'like-for-like'}`;
    body.replaceChildren(
      chart(series, shown, frameworks[0].decimals, caption),
      h('ul', { class: 'chips', 'aria-label': 'Countries on the chart' }, ...traced.map((t) => h('li', {}, t.name,
        h('button', { class: 'chip-x', 'aria-label': `Remove ${t.name}`, onclick: () => { state.with = others.filter((o) => o !== t.iso3); void draw(); } }, '×')))),
      h('p', { class: 'note' }, indicator ? 'An indicator\'s score is the same like-for-like, which recomputes composites only.' : state.basis === 'raw'
        ? `As published: each edition on its own indicators (${editions.map((e, k) => `${e.edition}: ${flatten(frameworks[k].measures).filter((m) => m.kind === 'indicator').length}`).join(', ')}), so part of a move can be indicators added.`
        : `Like-for-like: every edition recomputed on the ${own.trajectories.shared_indicators.length} indicators all editions assessed, so a move is a change of scores.`),
      table(series, shown, frameworks[0].decimals, caption));
    input.disabled = others.length >= MAX_OTHERS;
  };
  const add = async () => {
    const hit = await typedUnit(input, (c) => c !== iso3 && inEdition.has(c));
    if (!hit || others.includes(hit) || others.length >= MAX_OTHERS) return;
    state.with = [...others, hit];
    input.value = '';
    await draw();
  };
  input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') void add(); });
  panel.append(
    h('p', { class: 'note' }, 'The country (black) with its three nearest peers on every indicator; add or remove countries to compare.'),
    trace === asked ? '' : h('p', { class: 'msg msg-warn', role: 'status', id: 'trace-note' }, `${named(asked)} is not measured in every edition: the timeline shows ${named(trace)}, the measure it belongs to.`),
    h('div', { class: 'controls' },
      select('Measure', measureOptions(latest, (m) => everywhere(m.id)), state.trace, (v) => { state.trace = v; void draw(); }, 'sel-trace'),
      select('Basis', [['raw', 'As published'], ['like', 'Like-for-like']], state.basis, (v) => { state.basis = v as Basis; void draw(); }, 'sel-basis'),
      h('label', { class: 'field' }, h('span', {}, `Add a country (up to ${MAX_OTHERS})`), input),
      unitDatalist('timeline-countries', countries),
      h('button', { class: 'button', id: 'timeline-add-button', onclick: add }, 'Add')),
    body);
  await draw();
}
