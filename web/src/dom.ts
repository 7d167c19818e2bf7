// Tiny DOM helpers shared by the pages.
import { api, type Edition, type Framework, type Measure, flatten } from './api';
import { fallbackMeasure } from './util';

type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export const SVG = 'http://www.w3.org/2000/svg';
export function s(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function select(label: string, options: [string, string][], value: string, onChange: (v: string) => void, id?: string): HTMLElement {
  const sel = h('select', { id: id ?? `sel-${label.toLowerCase().replace(/\W+/g, '-')}` });
  for (const [v, text] of options) sel.append(h('option', { value: v, selected: v === value }, text));
  sel.addEventListener('change', () => onChange(sel.value));
  return h('label', { class: 'field' }, h('span', {}, label), sel);
}

export function editionSelect(editions: Edition[], value: number, onChange: (e: number) => void): HTMLElement {
  return select('Edition', editions.map((e) => [String(e.edition), String(e.edition)]), String(value), (v) => onChange(Number(v)), 'sel-edition');
}

/** Options of a measure select, indented by depth; `keep` leaves some out. */
export function measureOptions(measures: Measure[], keep: (m: Measure) => boolean = () => true): [string, string][] {
  return flatten(measures).filter(keep).map((m) => [m.id, `${'\u00a0\u00a0'.repeat(m.depth)}${m.name}`]);
}

/** The measure a page shows in `edition`: the one asked for, else (not measured in this
 *  edition, as Extortion before 2023) the nearest measure it belongs to, with a note. */
export async function chooseMeasure(editions: Edition[], edition: number, framework: Framework, asked: string, noteId = 'measure-note'): Promise<{ measure: string; note: HTMLElement | null }> {
  const here = flatten(framework.measures);
  if (here.some((m) => m.id === asked)) return { measure: asked, note: null };
  const nameHere = (id: string) => here.find((m) => m.id === id)?.name ?? id;
  for (const other of editions) {
    if (other.edition === edition) continue;
    const there = flatten((await api.framework(other.edition)).measures);
    const known = there.find((m) => m.id === asked);
    if (!known) continue;
    const measure = fallbackMeasure(asked, there, here) ?? 'criminality';
    return { measure, note: h('p', { class: 'msg msg-warn', role: 'status', id: noteId },
      `${known.name} is not measured in ${edition}: showing ${nameHere(measure)}, the measure it belongs to.`) };
  }
  return { measure: 'criminality', note: h('p', { class: 'msg msg-warn', role: 'status', id: noteId },
    `There is no measure "${asked}": showing ${nameHere('criminality')}.`) };
}

export async function latestEdition(): Promise<number> {
  const editions = await api.editions();
  return (editions.find((e) => e.latest) ?? editions[editions.length - 1]).edition;
}

const tip = () => document.getElementById('tooltip') as HTMLElement;
export function showTip(ev: MouseEvent | FocusEvent, html: string): void {
  const t = tip();
  t.innerHTML = html;
  t.hidden = false;
  const r = (ev.target as Element).getBoundingClientRect();
  const x = 'clientX' in ev && ev.clientX ? ev.clientX : r.left + r.width / 2;
  const y = 'clientY' in ev && ev.clientY ? ev.clientY : r.top;
  t.style.left = `${Math.min(window.innerWidth - t.offsetWidth - 8, x + 12)}px`;
  t.style.top = `${Math.max(8, y - t.offsetHeight - 12)}px`;
}
export function hideTip(): void { tip().hidden = true; }

// Replaces `parent`'s children, keeping the keyboard focus on the same country (the
// element of the same tag and data-iso3) if it was on one: a redraw (a pick, a window
// resized) must not send a keyboard user back to the top of the page.
export function replaceKeepingFocus(parent: Element, children: (Node | string)[]): void {
  const active = document.activeElement;
  const iso3 = active && parent.contains(active) ? active.getAttribute('data-iso3') : null;
  parent.replaceChildren(...children);
  if (iso3) parent.querySelector<HTMLElement | SVGElement>(`${active!.tagName}[data-iso3="${iso3}"]`)?.focus();
}

export function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export function download(name: string, data: BlobPart, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
