// The measure view's map: every country coloured in the map page's steps (map/legend.ts),
// the countries outside the place filter pale, the picked ones outlined and drawn last; a
// click or Enter picks a country.
import type { RankRow } from '../api';
import { showTip, hideTip, esc } from '../dom';
import { fmt, rankText } from '../util';
import { worldMap } from '../world';
import { legend, legendSteps, stepScale } from '../map/legend';

export function measureMap(rows: RankRow[], kept: Set<string>, picked: string[], decimals: number,
  label: string, onPick: (iso3: string) => void): { svg: SVGElement; legend: SVGElement } {
  const steps = legendSteps(rows.flatMap((r) => (r.value === null ? [] : [r.value])));
  const colour = stepScale(steps);
  const byIso = new Map(rows.map((r) => [r.iso3, r]));
  const picks: SVGElement[] = [];
  const { svg, layer } = worldMap(label, (place, el) => {
    const iso = place.iso3!;
    const row = byIso.get(iso);
    if (!row) return false;
    const chosen = picked.includes(iso);
    el.classList.add('country');
    if (!kept.has(iso)) el.classList.add('outside');
    if (chosen) { el.classList.add('picked'); picks.push(el); }
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
    return true;
  });
  svg.id = 'grapher-map';
  layer.append(...picks);  // moved last: drawn on top
  return { svg, legend: legend(steps) };
}
