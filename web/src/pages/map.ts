import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { scaleSequential } from 'd3-scale';
import { interpolateCividis } from 'd3-scale-chromatic';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import world from 'world-atlas/countries-110m.json';
import isoNumeric from '../data/iso-numeric.json';
import smallStates from '../data/small-states.json';
import { api, flatten } from '../api';
import { h, s, select, editionSelect, measureOptions, showTip, hideTip, esc, latestEdition } from '../dom';
import { fmt, type Route } from '../util';

const numericToIso = new Map(Object.entries(isoNumeric as Record<string, number>).map(([iso, n]) => [n, iso]));
const dots = smallStates as unknown as Record<string, [number, number]>;
const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
const shapes = (feature(topology, topology.objects.countries) as unknown as { features: Feature<Geometry>[] }).features;

export async function renderMap(view: HTMLElement, route: Route): Promise<void> {
  const editions = await api.editions();
  const edition = Number(route.query.get('edition') ?? (await latestEdition()));
  const measure = route.query.get('measure') ?? 'criminality';
  const [framework, ranks] = await Promise.all([api.framework(edition), api.ranks(edition, measure)]);
  const go = (e: number, m: string) => { location.hash = `#/map?edition=${e}&measure=${m}`; };
  const name = flatten(framework.measures).find((m) => m.id === measure)?.name ?? measure;
  const byIso = new Map(ranks.rows.map((r) => [r.iso3, r]));
  const { min, max } = framework.scale;
  // Cividis: perceptually uniform and readable with every common colour-vision deficiency; dark = high.
  const colour = scaleSequential((t: number) => interpolateCividis(1 - t)).domain([min, max]);

  const width = 960, height = 500;
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'group', 'aria-label': `World map of ${name}, ${edition}` });
  svg.append(s('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }));

  let drawn = 0;
  const add = (iso: string, el: SVGElement) => {
    const row = byIso.get(iso);
    if (!row) return;
    drawn++;
    el.setAttribute('class', `${el.getAttribute('class') ?? ''} country`);
    el.setAttribute('fill', row.value === null ? 'var(--na)' : colour(row.value));
    el.setAttribute('data-iso3', iso);
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'link');
    const world = row.ranks.world;  // null when unranked (no figure)
    el.setAttribute('aria-label', `${row.name}: ${fmt(row.value, framework.decimals)}, ${world ? `world rank ${world.position} of ${world.of}` : 'unranked'}`);
    const tip = (ev: MouseEvent | FocusEvent) => showTip(ev, `<strong>${esc(row.name)}</strong><br>${esc(name)}: ${fmt(row.value, framework.decimals)}<br>${world ? `World rank ${world.position}${world.tied ? ' (tied)' : ''} of ${world.of}` : 'Unranked'}`);
    const open = () => { hideTip(); location.hash = `#/country/${iso}?edition=${edition}`; };
    el.addEventListener('mousemove', tip);
    el.addEventListener('focus', tip);
    el.addEventListener('mouseleave', hideTip);
    el.addEventListener('blur', hideTip);
    el.addEventListener('click', open);
    el.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') open(); });
    svg.append(el);
  };
  for (const f of shapes) {
    const iso = numericToIso.get(Number(f.id));
    if (iso) add(iso, s('path', { d: path(f) ?? '' }));
  }
  for (const [iso, lonlat] of Object.entries(dots)) {
    if (iso.startsWith('_')) continue;
    const p = projection(lonlat);
    if (p) add(iso, s('circle', { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: 4, class: 'dot' }));
  }

  const legend = h('div', { class: 'legend', 'aria-hidden': 'true' },
    h('span', {}, fmt(min, 0)),
    h('span', { class: 'ramp', style: `background: linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => colour(min + t * (max - min))).join(',')})` }),
    h('span', {}, fmt(max, 0)),
    h('span', { class: 'swatch na' }), h('span', {}, 'not assessed'));

  view.append(
    h('h1', {}, `${name} — ${edition}`),
    h('div', { class: 'controls' },
      editionSelect(editions, edition, (e) => go(e, measure)),
      select('Measure', measureOptions(framework.measures), measure, (m) => go(edition, m), 'sel-measure')),
    legend,
    h('div', { class: 'map-wrap' }, svg),
    h('p', { class: 'note', id: 'map-count', 'data-drawn': drawn },
      `${drawn} of ${ranks.rows.length} countries drawn (${Object.keys(dots).length - 1} small states as dots). Hover or focus a country for its score; click or press Enter to open it.`),
  );
}
