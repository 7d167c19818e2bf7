// Zoom and pan of a map (d3-zoom): Ctrl or ⌘ with the wheel, a drag once zoomed in, two
// fingers on a touch screen, the page's buttons, or a region fitted to the view. One
// finger on an unzoomed map scrolls the page as usual, and a plain wheel scrolls it too.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent } from 'd3-zoom';

export interface View { k: number; x: number; y: number }
export type Box = [[number, number], [number, number]];
export const MAX_ZOOM = 12;

/** The smallest box holding all of `boxes`. */
export function unionBox(boxes: Box[]): Box {
  return [[Math.min(...boxes.map((b) => b[0][0])), Math.min(...boxes.map((b) => b[0][1]))],
    [Math.max(...boxes.map((b) => b[1][0])), Math.max(...boxes.map((b) => b[1][1]))]];
}

/** The view showing `box` whole and centred in a width × height map, with a margin
 *  (a fraction of each side), between no zoom and MAX_ZOOM. */
export function fitView(box: Box, width: number, height: number, margin = 0.08): View {
  const [[x0, y0], [x1, y1]] = box;
  const k = Math.max(1, Math.min(MAX_ZOOM, (1 - 2 * margin) / Math.max((x1 - x0) / width, (y1 - y0) / height)));
  return { k, x: width / 2 - (k * (x0 + x1)) / 2, y: height / 2 - (k * (y0 + y1)) / 2 };
}

/** A view as the URL keeps it ("k,x,y", rounded) and back; null for anything else. */
export function viewText(v: View): string {
  return [v.k.toFixed(2), v.x.toFixed(0), v.y.toFixed(0)].join(',');
}
export function parseView(text: string | null): View | null {
  const parts = (text ?? '').split(',').map(Number);
  return parts.length === 3 && parts.every(Number.isFinite) && parts[0] >= 1 ? { k: parts[0], x: parts[1], y: parts[2] } : null;
}

/** Makes `svg` zoomable; `layer` is moved, dots keep their size on screen. `moved` hears
 *  every finished change of view. */
export function zoomable(svg: SVGSVGElement, layer: SVGGElement, width: number, height: number, moved: (v: View) => void) {
  const behaviour = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, MAX_ZOOM])
    .translateExtent([[0, 0], [width, height]])
    .filter((ev: Event) => {
      if (ev.type === 'wheel') return (ev as WheelEvent).ctrlKey || (ev as WheelEvent).metaKey;
      if (ev.type.startsWith('touch')) return (ev as TouchEvent).touches.length > 1 || zoomTransform(svg).k > 1;
      return !(ev as MouseEvent).button && (ev.type !== 'mousedown' || zoomTransform(svg).k > 1);
    })
    .on('zoom', (ev: D3ZoomEvent<SVGSVGElement, unknown>) => {
      layer.setAttribute('transform', ev.transform.toString());
      for (const dot of layer.querySelectorAll('circle')) dot.setAttribute('r', (4 / Math.sqrt(ev.transform.k)).toFixed(2));
    })
    .on('end', (ev: D3ZoomEvent<SVGSVGElement, unknown>) => moved({ k: ev.transform.k, x: ev.transform.x, y: ev.transform.y }));
  // A double click is two clicks on a country, which open it: it does not zoom.
  const root = select(svg).call(behaviour).on('dblclick.zoom', null);
  return {
    show: (v: View) => root.call(behaviour.transform, zoomIdentity.translate(v.x, v.y).scale(v.k)),
    by: (factor: number) => root.call(behaviour.scaleBy, factor),
  };
}
