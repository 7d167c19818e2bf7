// The world drawn once for every map page: every territory of the atlas (world-atlas,
// matched by ISO numeric code) and the small states as dots. A page claims the places it
// has data for; the rest (Greenland, Taiwan, Western Sahara, Antarctica…) are drawn grey
// as not assessed. Outlines are projected once per session and reused by every render.
import { geoArea, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry, Polygon } from 'geojson';
import world from 'world-atlas/countries-110m.json';
import isoNumeric from './data/iso-numeric.json';
import smallStates from './data/small-states.json';
import { s } from './dom';

export const MAP_WIDTH = 960, MAP_HEIGHT = 500;
const numericToIso = new Map(Object.entries(isoNumeric as Record<string, number>).map(([iso, n]) => [n, iso]));
export const smallStateDots = smallStates as unknown as Record<string, [number, number]>;

/** One place on the map: its ISO3 (null for territories that are no country of the index),
 *  the atlas's name, its SVG outline and its main landmass's centre and box (projected). */
export interface Place {
  iso3: string | null;
  name: string;
  d: string | null;  // path data; null for a small state's dot
  centre: [number, number];
  box: [[number, number], [number, number]];
}

let projected: Place[] | null = null;
// The outlines are dense enough at 1:110m that adaptive resampling adds nothing visible, at
// a cost on every first paint; the sphere's edge, four points otherwise, keeps it.
const projection = geoNaturalEarth1().fitExtent([[4, 4], [MAP_WIDTH - 4, MAP_HEIGHT - 4]], { type: 'Sphere' });
const sphere = geoPath(projection)({ type: 'Sphere' }) ?? '';
const path = geoPath(projection.precision(0)).digits(1);

/** The largest polygon of a shape, so France's centre is in Europe, not between it and Guiana. */
function mainland(f: Feature<Geometry>): Feature<Geometry> {
  if (f.geometry.type !== 'MultiPolygon') return f;
  const parts = f.geometry.coordinates.map((coordinates): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }));
  return parts.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
}

/** Every place of the atlas, projected (computed on first use). */
export function places(): Place[] {
  if (projected) return projected;
  const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
  const shapes = (feature(topology, topology.objects.countries) as unknown as { features: Feature<Geometry, { name: string }>[] }).features;
  projected = shapes.map((f) => {
    const main = mainland(f);
    return { iso3: numericToIso.get(Number(f.id)) ?? null, name: f.properties.name, d: path(f), centre: path.centroid(main), box: path.bounds(main) };
  });
  for (const [iso3, lonlat] of Object.entries(smallStateDots)) {
    const p = iso3.startsWith('_') ? null : projection(lonlat);
    if (p) projected.push({ iso3, name: iso3, d: null, centre: p, box: [[p[0] - 4, p[1] - 4], [p[0] + 4, p[1] + 4]] });
  }
  return projected;
}

/** An SVG world map: the sphere, then a layer (returned, for zooming) with every place.
 *  `claim` styles a place's element and returns true if the page has data for it; the
 *  others are drawn grey. Outlines come first and dots last, so no outline hides a dot. */
export function worldMap(label: string, claim: (place: Place, el: SVGElement) => boolean): { svg: SVGElement; layer: SVGElement } {
  const svg = s('svg', { viewBox: `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`, class: 'map', role: 'group', 'aria-label': label });
  const layer = s('g', { class: 'layer' });
  layer.append(s('path', { d: sphere, class: 'sphere' }));
  for (const place of places()) {
    const el = place.d === null
      ? s('circle', { cx: place.centre[0].toFixed(1), cy: place.centre[1].toFixed(1), r: 4, class: 'dot' })
      : s('path', { d: place.d });
    if (!(place.iso3 && claim(place, el))) {
      el.setAttribute('class', `${el.getAttribute('class') ?? ''} not-assessed`.trim());
      el.append(s('title', {}, `${place.name}: not assessed`));
    }
    layer.append(el);
  }
  svg.append(layer);
  return { svg, layer };
}
