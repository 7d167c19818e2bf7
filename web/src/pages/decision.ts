// The country page's decision panels: what-if sliders, "what would it take" and peers.
// Every figure comes from the API (whatif, target, peers); the panels only draw. The
// sliders moved (?change=id=value,…) and the goal sought (?goal=) are in the URL, so a
// link shares the scenario and Back returns to it.
import { api, isUnder, type Framework, type Profile, type ProfileMeasure, type WhatIf } from '../api';
import { h } from '../dom';
import { fmt, rankText, signed } from '../util';
import { keepChanged } from '../url-state';

function outcomeRows(result: WhatIf, d: number): HTMLElement {
  const country = result.countries[0];
  const rows = country ? country.measures.filter((m) => m.kind === 'pillar') : [];
  return h('div', {},
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'whatif-outcome' },
      h('thead', {}, h('tr', {}, ...['Pillar', 'Published', 'What if', 'Change', 'World rank', 'Continent rank', 'Region rank'].map((t, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, t)))),
      h('tbody', {}, ...rows.map((m) => h('tr', { 'data-measure': m.id },
        h('th', { scope: 'row' }, m.name),
        h('td', { class: 'num' }, fmt(m.before, d)),
        h('td', { class: 'num', 'data-after': m.id }, fmt(m.after, d)),
        h('td', { class: 'num' }, signed(m.before === null || m.after === null ? null : m.after - m.before, d)),
        ...(['world', 'continent', 'region'] as const).map((scope) => h('td', { class: 'num', 'data-rank': `${m.id}-${scope}` },
          `${rankText(m.ranks_before[scope])} → ${rankText(m.ranks_after[scope])}`))))))),
    h('p', { class: 'note', id: 'whatif-quadrant' }, 'Quadrant: ', h('strong', {}, country?.quadrant_before?.label ?? 'not classified'), ' → ',
      h('strong', {}, country?.quadrant_after?.label ?? 'not classified'),
      `. ${result.knock_on.length} other countries' composite ranks move.`));
}

/** Sliders per indicator; moving one asks the API what the composites, ranks and quadrant become. */
export function whatIfPanel(edition: number, iso3: string, p: Profile, framework: Framework, query: URLSearchParams): HTMLElement {
  const d = framework.decimals;
  const indicators = p.measures.filter((m): m is ProfileMeasure & { value: number } => m.kind === 'indicator' && m.value !== null);
  const result = h('div', { id: 'whatif-result', 'aria-live': 'polite' }, h('p', { class: 'note' }, 'Move a slider to see the composites, ranks and quadrant change.'));
  const sliders = new Map<string, HTMLInputElement>();
  let timer: number | undefined;
  let asked = 0;
  const update = () => {
    const changes = indicators.filter((m) => Number(sliders.get(m.id)!.value) !== m.value).map((m) => `${m.id}=${sliders.get(m.id)!.value}`);
    keepChanged(`country/${iso3}`, { change: changes.join(',') || null });
    if (changes.length === 0) { result.replaceChildren(h('p', { class: 'note' }, 'No change from the published scores.')); return; }
    const mine = ++asked;
    api.whatIf(edition, iso3, changes).then((answer) => { if (mine === asked) result.replaceChildren(outcomeRows(answer, d)); })
      .catch((err: Error) => result.replaceChildren(h('p', { class: 'error' }, err.message)));
  };
  const row = (m: ProfileMeasure & { value: number }) => {
    const out = h('output', { for: `slider-${m.id}` }, fmt(m.value, 1));
    const input = h('input', { type: 'range', id: `slider-${m.id}`, min: framework.scale.min, max: framework.scale.max, step: framework.scale.step, value: m.value, 'data-indicator': m.id }) as HTMLInputElement;
    input.addEventListener('input', () => {
      out.textContent = Number(input.value) === m.value ? fmt(m.value, 1) : `${fmt(Number(input.value), 1)} (was ${fmt(m.value, 1)})`;
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 120);
    });
    sliders.set(m.id, input);
    return h('label', { class: 'slider' }, h('span', {}, m.name), input, out);
  };
  const reset = h('button', { class: 'button', onclick: () => { for (const m of indicators) { const s = sliders.get(m.id)!; s.value = String(m.value); s.dispatchEvent(new Event('input')); } } }, 'Reset');
  const pillar = (id: string) => indicators.filter((m) => isUnder(p.measures, m, id));
  const panel = h('section', { class: 'panel', id: 'whatif' },
    h('h2', {}, 'What if'),
    h('p', { class: 'note' }, 'Each slider is an indicator score (steps of 0.5). The other countries stay as published.'),
    h('div', { class: 'two-col sliders' }, ...p.measures.filter((m) => m.kind === 'pillar').map((m) =>
      h('div', {}, h('h3', {}, m.name), ...pillar(m.id).map(row)))),
    reset, result);
  // A shared scenario: its sliders set, its outcome asked for (an unknown indicator is
  // ignored; a slider keeps a value on the scale and its steps).
  const shared = (query.get('change') ?? '').split(',').map((c) => c.split('=')).filter(([id, v]) => sliders.has(id) && v !== undefined && v !== '');
  for (const [id, value] of shared) {
    const slider = sliders.get(id)!;
    slider.value = value;
    slider.dispatchEvent(new Event('input'));
  }
  return panel;
}

/** "What would it take": a goal, the least change that reaches it, proven minimal by the API's exact search. */
export function targetPanel(edition: number, iso3: string, framework: Framework, query: URLSearchParams): HTMLElement {
  const goals: [string, string][] = [
    ['resilience rank<=60', 'Resilience in the world\'s top 60'],
    ['quadrant=low criminality, high resilience', 'Low criminality, high resilience'],
    ['criminality rank>=150', 'Criminality ranked 150th or lower'],
    ['resilience>=6', 'Resilience of at least 6.00'],
  ];
  const asked = query.get('goal');
  const input = h('input', { type: 'text', id: 'target-goal', value: asked ?? goals[0][0], size: 36, 'aria-label': 'Goal' }) as HTMLInputElement;
  const preset = h('select', { id: 'target-preset', 'aria-label': 'Example goals' }, ...goals.map(([v, t]) => h('option', { value: v }, t))) as HTMLSelectElement;
  preset.addEventListener('change', () => { input.value = preset.value; run(); });
  const out = h('div', { id: 'target-result', 'aria-live': 'polite' });
  const run = () => {
    keepChanged(`country/${iso3}`, { goal: input.value });
    out.replaceChildren(h('p', { class: 'note' }, 'Searching…'));
    api.target(edition, iso3, input.value).then((t) => {
      const plan = t.plans[0] ?? [];
      out.replaceChildren(h('p', { id: 'target-summary' }, t.summary),
        plan.length === 0 ? '' : h('table', { class: 'data', id: 'target-plan' },
          h('caption', {}, t.plans.length > 1 || t.more_ties ? `One of ${t.more_ties ? 'several' : t.plans.length} minimal plans` : 'The minimal plan'),
          h('thead', {}, h('tr', {}, ...['Indicator', 'From', 'To', 'Half-point steps'].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, c)))),
          h('tbody', {}, ...plan.map((m) => h('tr', {}, h('th', { scope: 'row' }, m.name), h('td', { class: 'num' }, fmt(m.from, 1)),
            h('td', { class: 'num' }, fmt(m.to, 1)), h('td', { class: 'num' }, signed(m.steps, 0)))))));
    }).catch((err: Error) => out.replaceChildren(h('p', { class: 'error' }, err.message)));
  };
  input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') run(); });
  if (asked) run();
  return h('section', { class: 'panel', id: 'target' },
    h('h2', {}, 'What would it take'),
    h('p', { class: 'note' }, `The least total of half-point steps within ${framework.scale.min}–${framework.scale.max} that reaches the goal; write a rank (resilience rank<=60), a score (resilience>=6), a country to pass (resilience>KGZ) or a quadrant.`),
    h('div', { class: 'controls' }, preset, input, h('button', { class: 'button', id: 'target-run', onclick: run }, 'Find')), out);
}

/** The nearest peers on markets and actors, with their criminality across editions. */
export async function peersPanel(edition: number, iso3: string): Promise<HTMLElement> {
  const peers = await api.peers(edition, iso3, 'criminality');
  const t = peers.trajectories;
  return h('section', { class: 'panel', id: 'peers' },
    h('h2', {}, 'Peers on markets and actors'),
    h('p', { class: 'note' }, `Distance: ${peers.distance}. Criminality per edition, as published / like-for-like on the ${t.shared_indicators.length} indicators every edition assessed.`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'peers-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Country'), h('th', { scope: 'col', class: 'num' }, 'Distance'),
        ...t.editions.map((e) => h('th', { scope: 'col', class: 'num' }, e)))),
      h('tbody', {}, ...t.countries.map((c, i) => {
        const peer = i === 0 ? null : peers.peers[i - 1];
        return h('tr', { 'data-iso3': c.iso3, class: i === 0 ? 'self' : '' },
          h('th', { scope: 'row' }, i === 0 ? c.name : h('a', { href: `#/country/${c.iso3}?edition=${edition}` }, c.name)),
          h('td', { class: 'num' }, peer ? peer.distance.toFixed(2) : '–'),
          ...c.raw.map((v, e) => h('td', { class: 'num' }, `${fmt(v, 2)} / ${fmt(c.like_for_like[e], 2)}`)));
      })))));
}
