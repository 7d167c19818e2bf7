// PNG and SVG export of a chart (issue 17): the SVG as it is drawn, made standalone —
// every element's computed style written inline (the page's stylesheet does not travel
// with the file), a white background, width and height from its viewBox — saved as
// .svg, or drawn on a canvas at twice its size and saved as .png.
import { download, h, SVG } from './dom';

// What the explorer's stylesheet sets on chart elements.
const STYLED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'paint-order', 'visibility'];

/** The chart as a standalone SVG document. */
export function standaloneSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const style = getComputedStyle(el);
    copies[i].setAttribute('style', STYLED.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';'));
  });
  const [x, y, width, height] = (svg.getAttribute('viewBox') ?? `0 0 ${svg.clientWidth} ${svg.clientHeight}`).split(/\s+/).map(Number);
  copy.setAttribute('xmlns', SVG);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const background = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({ x, y, width, height, fill: '#ffffff' })) background.setAttribute(k, String(v));
  copy.prepend(background);
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

/** The standalone SVG drawn on a canvas `scale` times its size, as PNG. */
export async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await image.decode();
  const canvas = h('canvas', { width: Math.round(svg.width * scale), height: Math.round(svg.height * scale) });
  canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((png) => (png ? resolve(png) : reject(new Error('the canvas made no PNG'))), 'image/png'));
}

/** "SVG" and "PNG" buttons saving the chart `chart()` returns (asked at click time: charts redraw) as `name`.svg/.png. */
export function exportButtons(chart: () => SVGSVGElement | null, name: string, label: string): HTMLElement {
  const save = (kind: 'svg' | 'png') => async () => {
    const svg = chart();
    if (!svg) return;
    const standalone = standaloneSvg(svg);
    if (kind === 'svg') download(`${name}.svg`, standalone.text, 'image/svg+xml');
    else download(`${name}.png`, await svgToPng(standalone), 'image/png');
  };
  return h('div', { class: 'export', role: 'group', 'aria-label': `Save ${label}` },
    h('button', { class: 'button secondary', 'data-export': 'svg', onclick: save('svg') }, 'SVG'),
    h('button', { class: 'button secondary', 'data-export': 'png', onclick: save('png') }, 'PNG'));
}
