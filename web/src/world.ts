// The world drawn once for every map page: country outlines (world-atlas, matched by
// ISO numeric code) and the small states as dots, each handed to the page with its ISO3.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import world from 'world-atlas/countries-110m.json';
import isoNumeric from './data/iso-numeric.json';
import smallStates from './data/small-states.json';
import { s } from './dom';

const numericToIso = new Map(Object.entries(isoNumeric as Record<string, number>).map(([iso, n]) => [n, iso]));
export const smallStateDots = smallStates as unknown as Record<string, [number, number]>;
const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
const shapes = (feature(topology, topology.objects.countries) as unknown as { features: Feature<Geometry>[] }).features;

/** An SVG world map (sphere drawn); `place` receives each country's shape or dot and appends it if it wants it. */
export function worldMap(label: string, place: (iso3: string, el: SVGElement, svg: SVGElement) => void): SVGElement {
  const width = 960, height = 500;
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'group', 'aria-label': label });
  svg.append(s('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }));
  for (const f of shapes) {
    const iso = numericToIso.get(Number(f.id));
    if (iso) place(iso, s('path', { d: path(f) ?? '' }), svg);
  }
  for (const [iso, lonlat] of Object.entries(smallStateDots)) {
    if (iso.startsWith('_')) continue;
    const p = projection(lonlat);
    if (p) place(iso, s('circle', { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: 4, class: 'dot' }), svg);
  }
  return svg;
}
