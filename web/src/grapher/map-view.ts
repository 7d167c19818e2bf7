// The measure view's map: every country coloured on the measure's scale (cividis, dark =
// high, as the map page), the countries outside the place filter pale, the picked ones
// outlined and drawn last; a click or Enter picks a country.
import { scaleSequential } from 'd3-scale';
import { interpolateCividis } from 'd3-scale-chromatic';
import type { RankRow } from '../api';
import { h, showTip, hideTip, esc } from '../dom';
import { fmt, rankText } from '../util';
import { worldMap } from '../world';

export function measureMap(rows: RankRow[], kept: Set<string>, picked: string[], scale: { min: number; max: number }, decimals: number,
  label: string, onPick: (iso3: string) => void): { svg: SVGSVGElement; legend: HTMLElement } {
  const colour = scaleSequential((t: number) => interpolateCividis(1 - t)).domain([scale.min, scale.max]);
  const byIso = new Map(rows.map((r) => [r.iso3, r]));
  const last: SVGElement[] = [];
  const svg = worldMap(label, (iso, el, map) => {
    const row = byIso.get(iso);
    if (!row) return;
    const chosen = picked.includes(iso);
    el.setAttribute('class', `${el.getAttribute('class') ?? ''} country${kept.has(iso) ? '' : ' outside'}${chosen ? ' picked' : ''}`);
    el.setAttribute('fill', row.value === null ? 'var(--na)' : colour(row.value));
    el.setAttribute('data-iso3', iso);
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-pressed', String(chosen));
    el.setAttribute('aria-label', `${row.name}: ${fmt(row.value, decimals)}, world rank ${rankText(row.ranks.world)}`);
    const tip = (ev: MouseEvent | FocusEvent) => showTip(ev, `<strong>${esc(row.name)}</strong><br>${fmt(row.value, decimals)} · world rank ${rankText(row.ranks.world)}`);
    el.addEventListener('mousemove', tip);
    el.addEventListener('focus', tip);
    el.addEventListener('mouseleave', hideTip);
    el.addEventListener('blur', hideTip);
    el.addEventListener('click', () => { hideTip(); onPick(iso); });
    el.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') onPick(iso); });
    if (chosen) last.push(el); else map.append(el);
  }) as SVGSVGElement;
  svg.id = 'grapher-map';
  svg.append(...last);
  const ramp = [0, 0.25, 0.5, 0.75, 1].map((t) => colour(scale.min + t * (scale.max - scale.min))).join(',');
  const legend = h('div', { class: 'legend', 'aria-hidden': 'true' },
    h('span', {}, String(scale.min)), h('span', { class: 'ramp', style: `background: linear-gradient(to right, ${ramp})` }), h('span', {}, String(scale.max)),
    h('span', { class: 'swatch na' }), h('span', {}, 'not assessed'));
  return { svg, legend };
}
