// The flow map page (#/flows?market=ID): arcs between places by market from the flows read in
// the stored narratives, a legend, a market filter, hover or focus for the evidence, and the
// same edges as a table.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import world from 'world-atlas/countries-110m.json';
import { api, flatten } from '../api';
import { h, s, select, showTip, hideTip, esc, latestEdition } from '../dom';
import type { Route } from '../util';
import { flowsApi, type FlowEdge } from './api';
import { arcPath, marketColours, marketLabel } from './arcs';
import './flows.css';

const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
const outlines = (feature(topology, topology.objects.countries) as unknown as { features: Feature<Geometry>[] }).features;

/** Market id → name, from the newest framework. */
export async function marketNames(): Promise<Map<string, string>> {
  const framework = await api.framework(await latestEdition());
  return new Map(flatten(framework.measures).map((m) => [m.id, m.name]));
}

function evidenceHtml(e: FlowEdge, label: string): string {
  const quotes = e.evidence.slice(0, 3).map((ev) => `<br><em>“${esc(ev.text)}”</em> <small>(${esc(ev.country)} ${esc(ev.edition)}, ${esc(ev.section)})</small>`).join('');
  const more = e.evidence.length > 3 ? `<br><small>and ${e.evidence.length - 3} more</small>` : '';
  return `<strong>${esc(e.from_name)} → ${esc(e.to_name)}</strong><br>${esc(label)}${e.hedged ? ' (hedged)' : ''}, confidence ${e.confidence.toFixed(2)}${quotes}${more}`;
}

export async function renderFlowMap(view: HTMLElement, route: Route): Promise<void> {
  const market = route.query.get('market') ?? '';
  const [all, names] = await Promise.all([flowsApi.graph(), marketNames()]);
  const graph = market ? await flowsApi.graph(market) : all;
  const colours = marketColours(all.markets);
  const label = (id: string) => marketLabel(id, names);

  const width = 960, height = 500;
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map flow-map', role: 'group', 'aria-label': `Map of illicit flows${market ? `: ${label(market)}` : ''}` });
  const defs = s('defs');
  for (const [id, colour] of colours) {
    const marker = s('marker', { id: `arrow-${id}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' });
    marker.append(s('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }));
    defs.append(marker);
  }
  svg.append(defs, s('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }));
  for (const f of outlines) svg.append(s('path', { d: path(f) ?? '', class: 'outline' }));

  const at = (code: string): [number, number] | null => {
    const p = graph.points[code];
    return p && p.lat !== null && p.lon !== null ? projection([p.lon, p.lat]) : null;
  };
  // Several markets on one pair of places take separate lanes.
  const lanes = new Map<string, number>();
  let drawn = 0;
  for (const e of graph.edges) {
    const a = at(e.from), b = at(e.to);
    if (!a || !b) continue;
    const pair = `${e.from}>${e.to}`;
    const lane = lanes.get(pair) ?? 0;
    lanes.set(pair, lane + 1);
    const arc = s('path', {
      d: arcPath(a, b, 0.2, lane), class: 'arc', stroke: colours.get(e.market) ?? '#444',
      'stroke-width': (1.6 + Math.min(3, e.statements - 1)).toFixed(1), 'stroke-dasharray': e.hedged ? '5 3' : 'none',
      'marker-end': `url(#arrow-${e.market})`, tabindex: 0, role: 'img', 'data-market': e.market, 'data-from': e.from, 'data-to': e.to,
      'aria-label': `${label(e.market)}: ${e.from_name} to ${e.to_name}`,
    });
    const tip = (ev: MouseEvent | FocusEvent) => showTip(ev, evidenceHtml(e, label(e.market)));
    arc.addEventListener('mousemove', tip);
    arc.addEventListener('focus', tip);
    arc.addEventListener('mouseleave', hideTip);
    arc.addEventListener('blur', hideTip);
    svg.append(arc);
    drawn++;
  }
  // Places, sized by betweenness in the graph shown (transit hubs stand out).
  const scope = market || '*';
  for (const n of graph.nodes.filter((x) => x.market === scope)) {
    const p = at(n.code);
    if (!p) continue;
    const dot = s('circle', { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: (3 + Math.min(6, Math.sqrt(n.betweenness) * 2)).toFixed(1), class: 'place', tabindex: 0, role: 'img', 'data-code': n.code, 'aria-label': n.name });
    const tip = (ev: MouseEvent | FocusEvent) => showTip(ev, `<strong>${esc(n.name)}</strong><br>in ${n.in_degree} · out ${n.out_degree} · betweenness ${n.betweenness.toFixed(1)}`);
    dot.addEventListener('mousemove', tip);
    dot.addEventListener('focus', tip);
    dot.addEventListener('mouseleave', hideTip);
    dot.addEventListener('blur', hideTip);
    svg.append(dot);
  }

  const legend = h('ul', { class: 'flow-legend', 'aria-label': 'Markets' },
    ...[...colours].filter(([id]) => !market || id === market).map(([id, colour]) =>
      h('li', {}, h('span', { class: 'swatch', style: `background:${colour}` }), label(id))),
    h('li', {}, h('span', { class: 'swatch dashed' }), 'hedged'));
  const options: [string, string][] = [['', 'All markets'], ...all.markets.map((m): [string, string] => [m, label(m)])];
  const rows = graph.edges.map((e) => h('tr', { 'data-market': e.market },
    h('td', {}, h('span', { class: 'flow-market' }, h('span', { class: 'swatch', style: `background:${colours.get(e.market)}` }), label(e.market))),
    h('th', { scope: 'row' }, `${e.from_name} → ${e.to_name}`),
    h('td', {}, e.countries.join(', ')),
    h('td', { class: 'num' }, e.confidence.toFixed(2)),
    h('td', {}, e.evidence[0]?.text ?? '')));

  view.append(
    h('h1', {}, market ? `Illicit flows — ${label(market)}` : 'Illicit flows'),
    h('div', { class: 'controls' }, select('Market', options, market, (m) => { location.hash = m ? `#/flows?market=${m}` : '#/flows'; }, 'sel-market')),
    legend,
    h('div', { class: 'map-wrap' }, svg),
    h('p', { class: 'note', id: 'flow-count', 'data-drawn': drawn },
      all.narratives === 0
        ? 'No country narrative has been published yet, so there are no flows to draw.'
        : `${drawn} flows drawn from ${all.narratives} stored narratives. Hover or focus an arc for the sentences it was read from; dashed arcs are hedged; dot size = betweenness.`),
    h('section', { class: 'panel' }, h('h2', {}, 'Flows'),
      // Focusable, so a keyboard can scroll it sideways on a phone.
      h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Flows table' }, h('table', { id: 'flows-table' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Market'), h('th', {}, 'Flow'), h('th', {}, 'Stated by'), h('th', {}, 'Confidence'), h('th', {}, 'Evidence'))),
        h('tbody', {}, ...rows)))),
  );
}
