import { api } from '../api';
import { h, select, measureOptions, chooseMeasure } from '../dom';
import { goChanged, keepState } from '../url-state';
import { fmt, fraction, signed, type Route } from '../util';
import { waterfallChart } from '../waterfall';

export async function renderChanges(view: HTMLElement, route: Route): Promise<void> {
  const stored = await api.editions();
  const editions = stored.map((e) => e.edition);
  view.append(h('h1', {}, 'Changes between editions'));
  if (editions.length < 2) { view.append(h('p', { class: 'empty' }, 'Only one edition is stored.')); return; }
  const to = Number(route.query.get('to') ?? editions[editions.length - 1]);
  // By default the edition before `to` in its own index (another index stored alongside is not its past).
  const previous = stored.find((e) => e.edition === to)?.previous ?? null;
  const from = Number(route.query.get('from') ?? previous ?? to);
  const basis = route.query.get('basis') === 'like-for-like' ? 'like-for-like' : 'raw';
  const [framework, earlier] = await Promise.all([api.framework(to), api.framework(from)]);
  // The measure must be in both editions: else the one it belongs to, with a note.
  const inTo = await chooseMeasure(stored, to, framework, route.query.get('measure') ?? 'criminality');
  const inBoth = await chooseMeasure(stored, from, earlier, inTo.measure);
  const { measure } = inBoth;
  const note = inTo.note ?? inBoth.note;
  if (note) keepState('changes', { from, to, measure, basis, country: route.query.get('country') });
  const go = (p: Record<string, string>) => goChanged('changes', { from, to, measure, basis, ...p });
  const ed = editions.map((e): [string, string] => [String(e), String(e)]);
  view.append(note ?? '', h('div', { class: 'controls' },
    select('From', ed, String(from), (v) => go({ from: v }), 'sel-from'),
    select('To', ed, String(to), (v) => go({ to: v }), 'sel-to'),
    // Composites, and the indicator a link asked for (so the select shows what is drawn).
    select('Measure', measureOptions(framework.measures, (m) => m.kind !== 'indicator' || m.id === measure), measure, (v) => go({ measure: v }), 'sel-measure'),
    select('Basis', [['raw', 'Raw (as published)'], ['like-for-like', 'Like-for-like']], basis, (v) => go({ basis: v }), 'sel-basis')));
  if (from === to) {
    view.append(h('p', { class: 'empty', id: 'no-previous' }, route.query.has('from') ? 'Choose two different editions.'
      : `Edition ${to} names no previous edition of its index: choose one to compare it with.`));
    return;
  }
  const c = await api.changes(from, to, measure, basis);
  const rows = c.rows.filter((r) => r.delta !== null).sort((a, b) => (b.delta ?? 0) - (a.delta ?? 0));
  const d = framework.decimals;
  const table = (title: string, list: typeof rows, id: string) => h('section', { class: 'panel' }, h('h2', {}, title),
    // On a phone the two editions' figures give way, so the change and the rank move stay in view.
    h('div', { class: 'table-wrap sticky-first' }, h('table', { class: 'data', id },
      h('thead', {}, h('tr', {}, ...['Country', String(c.from), String(c.to), 'Change', 'Rank move'].map((t, i) => h('th', { scope: 'col', class: i === 0 ? '' : i < 3 ? 'num wide-only' : 'num' }, t)))),
      h('tbody', {}, ...list.map((r) => h('tr', {}, h('th', { scope: 'row' }, h('a', { href: `#/country/${r.iso3}?edition=${c.to}` }, r.name)),
        h('td', { class: 'num wide-only' }, fmt(r.from, d)), h('td', { class: 'num wide-only' }, fmt(r.to, d)), h('td', { class: 'num' }, signed(r.delta, d)),
        h('td', { class: 'num' }, r.rank_change === null ? '–' : r.rank_change > 0 ? `▲ ${r.rank_change}` : r.rank_change < 0 ? `▼ ${-r.rank_change}` : '0')))))));
  view.append(
    h('div', { class: 'callout' },
      h('p', {}, h('strong', {}, 'Why raw and like-for-like differ. '),
        'Raw compares the figures as published. When a later edition adds indicators, a country\'s average can move only because new indicators enter it, even if nothing it was scored on before changed. Like-for-like recomputes both editions on the indicators they share, so it shows change in the same things.'),
      h('p', { class: 'note' }, `Details for ${c.from} → ${c.to}: ${c.note}`)),
    h('p', { class: 'note' }, `${rows.length} countries assessed in both editions. Rank move: ▲ = moved toward rank 1 (rank 1 = highest figure), ▼ = moved away from it.`),
    h('div', { class: 'two-col' }, table('Largest increases', rows.slice(0, 15), 'risers'), table('Largest decreases', rows.slice(-15).reverse(), 'fallers')));
  const country = route.query.get('country') ?? rows[0]?.iso3;
  if (!country) return;
  const explain = await api.explainEditions(country, from, to, measure);
  const countries = [...c.rows].sort((a, b) => a.name.localeCompare(b.name)).map((r): [string, string] => [r.iso3, r.name]);
  view.append(h('section', { class: 'panel', id: 'why' },
    h('h2', {}, `Why ${explain.a.name}'s ${explain.name.toLowerCase()} moved from ${from} to ${to}`),
    h('div', { class: 'controls' }, select('Country', countries, country, (v) => go({ country: v }), 'sel-why-country')),
    h('p', { class: 'note' }, `${fmt(explain.b.value, d)} in ${from}, ${fmt(explain.a.value, d)} in ${to}. Bars: each shared indicator's score change times its weight, plus the shift in weights; added indicators apart. ` +
      (explain.like_for_like ? 'On the shared indicators alone (like-for-like) the change is ' + signed(fraction(explain.like_for_like.difference), d) + '.' : '')),
    waterfallChart(explain, 'why-waterfall')));
}
