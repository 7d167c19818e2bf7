// The world map's geometry, projected once when the explorer is built (vite.config.ts,
// the virtual module "virtual:world-places"), so a browser draws the map without
// projecting anything: every territory of the atlas (world-atlas 1:110m, matched to ISO3
// by its numeric code; null for territories that are no country of the index) and the
// small states as dots, each with its main landmass's centre and box for keyboard order
// and zooming to a region.
import { geoArea, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry, Polygon } from 'geojson';

export const MAP_WIDTH = 960, MAP_HEIGHT = 500;

export interface Place {
  iso3: string | null;
  name: string;
  d: string | null;  // path data; null for a small state's dot
  centre: [number, number];
  box: [[number, number], [number, number]];
}
export interface World { sphere: string; places: Place[] }

/** The largest polygon of a shape, so France's centre is in Europe, not between it and Guiana. */
function mainland(f: Feature<Geometry>): Feature<Geometry> {
  if (f.geometry.type !== 'MultiPolygon') return f;
  const parts = f.geometry.coordinates.map((coordinates): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }));
  return parts.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
}

const round = (p: [number, number]): [number, number] => [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10];

/** `topology`: world-atlas's countries; `isoNumeric`: ISO3 → numeric code; `dots`: ISO3 → [lon, lat]
 *  of the states with no outline at this scale (keys starting "_" are notes). */
export function projectWorld(topology: Topology<{ countries: GeometryCollection }>, isoNumeric: Record<string, number>,
  dots: Record<string, [number, number] | string>): World {
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [MAP_WIDTH - 4, MAP_HEIGHT - 4]], { type: 'Sphere' });
  const sphere = geoPath(projection).digits(1)({ type: 'Sphere' }) ?? '';
  // 1:110m outlines are dense enough that adaptive resampling adds nothing visible; the
  // sphere's edge, four points without it, keeps it.
  const path = geoPath(projection.precision(0)).digits(1);
  const numericToIso = new Map(Object.entries(isoNumeric).map(([iso, n]) => [n, iso]));
  const shapes = (feature(topology, topology.objects.countries) as unknown as { features: Feature<Geometry, { name: string }>[] }).features;
  const places: Place[] = shapes.map((f) => {
    const main = mainland(f);
    const [a, b] = path.bounds(main);
    return { iso3: numericToIso.get(Number(f.id)) ?? null, name: f.properties.name, d: path(f), centre: round(path.centroid(main)), box: [round(a), round(b)] };
  });
  for (const [iso3, lonlat] of Object.entries(dots)) {
    const p = typeof lonlat === 'string' ? null : projection(lonlat);
    if (p) places.push({ iso3, name: iso3, d: null, centre: round(p), box: [round([p[0] - 4, p[1] - 4]), round([p[0] + 4, p[1] + 4])] });
  }
  return { sphere, places };
}
