// The world drawn for every map page, from the geometry projected at build time
// (world-projection.ts): every territory of the atlas and the small states as dots. A
// page claims the places it has data for; the rest (Greenland, Taiwan, Western Sahara,
// Antarctica…) are drawn grey as not assessed.
import world from 'virtual:world-places';
import { s } from './dom';
import { MAP_HEIGHT, MAP_WIDTH, type Place } from './world-projection';

export { MAP_HEIGHT, MAP_WIDTH, type Place };

/** An SVG world map: the sphere, then a layer (returned, for zooming) with every place.
 *  `claim` styles a place's element and returns true if the page has data for it; the
 *  others are drawn grey. Outlines come first and dots last, so no outline hides a dot. */
export function worldMap(label: string, claim: (place: Place, el: SVGElement) => boolean): { svg: SVGElement; layer: SVGElement } {
  const svg = s('svg', { viewBox: `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`, class: 'map', role: 'group', 'aria-label': label });
  const layer = s('g', { class: 'layer' });
  layer.append(s('path', { d: world.sphere, class: 'sphere' }));
  for (const place of world.places) {
    const el = place.d === null
      ? s('circle', { cx: place.centre[0], cy: place.centre[1], r: 4, class: 'dot' })
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
