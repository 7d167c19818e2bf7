// #/coordinate and #/coordinate/{round}: the index team's desk. Without a round: the
// rounds and a form to create one. With one: staffing, phases, progress per country,
// indicator and expert, a heatmap of disagreement (the flagged cells' spread),
// reliability so far (α, ICC), bulk settling, the publish step with what changes from
// the baseline (cells, composites, ranks, quadrants), and the audit trail with filters.
import { api, forgetCached } from '../api';
import { h } from '../dom';
import type { Route } from '../util';
import { interpolateCividis } from 'd3-scale-chromatic';
import { ws, type Progress, type PublicationPreview } from './client';
import { isIndexTeam, requireSession } from './session';
import { links, message, progressBar, score, STATES, stateText, workspaceNav } from './ui';

type State = (typeof STATES)[number];
// What the last bulk move did, shown once the page has re-rendered with the new progress.
let lastNote: { text: string; done: string } | null = null;
const PHASES = ['drafting', 'review_open', 'calibration', 'settled', 'published'];
const list = (text: string) => text.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

async function createForm(): Promise<HTMLElement> {
  const editions = await api.editions();
  const id = h('input', { id: 'new-id', required: true, placeholder: 'r2027' });
  const edition = h('input', { id: 'new-edition', required: true, placeholder: '2027' });
  const baseline = h('select', { id: 'new-baseline' }, ...editions.map((e) => h('option', { value: e.edition, selected: e.latest }, String(e.edition))));
  const countries = h('input', { id: 'new-countries', placeholder: 'ISO3 codes, e.g. KAZ, UZB (empty: all)' });
  const out = h('div', {});
  const form = h('form', { class: 'panel ws-form', 'aria-labelledby': 'create-title' }, h('h2', { id: 'create-title' }, 'Create a round'),
    h('div', { class: 'cell-grid' }, field('Round id', id), field('Edition it publishes', edition), field('Baseline edition', baseline)),
    field('Countries', countries), h('button', { class: 'button', type: 'submit', id: 'create-round' }, 'Create'), out);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await ws.createRound({ id: id.value.trim(), edition: edition.value.trim(), baseline: baseline.value, countries: list(countries.value.toUpperCase()) });
      location.hash = links.coordinate(r.id);
    } catch (err) { out.replaceChildren(message((err as Error).message, 'error')); }
  });
  return form;
}

function tallyTable(caption: string, key: string, rows: (Progress['countries'][number] & Record<string, unknown>)[], href?: (k: string) => string): HTMLElement {
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption }, h('table', { class: 'data compact', 'data-table': key },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, key), ...STATES.map((s) => h('th', { scope: 'col', class: 'num' }, stateText(s))),
      h('th', { scope: 'col', class: 'num' }, 'Wide'), h('th', { scope: 'col' }, 'Done'))),
    h('tbody', {}, ...rows.map((r) => {
      const k = String(r[key]);
      return h('tr', {}, h('th', { scope: 'row' }, href ? h('a', { href: href(k) }, k.replace(/_/g, ' ')) : k),
        ...STATES.map((s) => h('td', { class: 'num' }, String(r.states[s]))), h('td', { class: 'num' }, String(r.wide)),
        h('td', {}, progressBar(r.states.agreed + r.states.final, r.cells, `${k}: agreed or final`)));
    }))));
}

function heatmap(round: string, p: Progress): HTMLElement {
  if (!p.flagged.length) return h('p', { class: 'note', id: 'heatmap' }, 'No disagreement flagged so far.');
  const countries = [...new Set(p.flagged.map((f) => f.iso3))].sort();
  const indicators = [...new Set(p.flagged.map((f) => f.indicator))].sort();
  const at = new Map(p.flagged.map((f) => [`${f.iso3}/${f.indicator}`, f]));
  const max = Math.max(1.5, ...p.flagged.map((f) => f.spread ?? 0));
  return h('div', { id: 'heatmap' }, h('p', { class: 'note' }, 'Spread of the experts\' scores in the flagged cells (darker: wider; ◆ outlier in its region); each opens its cell.'),
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Disagreement heatmap' }, h('table', { class: 'heatmap' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), ...indicators.map((i) => h('th', { scope: 'col', class: 'rot' }, h('span', {}, i.replace(/_/g, ' ')))))),
    h('tbody', {}, ...countries.map((c) => h('tr', {}, h('th', { scope: 'row' }, c), ...indicators.map((i) => {
      const f = at.get(`${c}/${i}`);
      if (!f) return h('td', {});
      const t = (f.spread ?? 0) / max;
      return h('td', { style: `background:${interpolateCividis(1 - t * 0.85)};color:${t > 0.5 ? '#fff' : '#111'}` },
        h('a', { href: links.cell(round, c, i), style: 'color:inherit', 'aria-label': `${c} ${i}: spread ${score(f.spread)}${f.outlier ? ', outlier' : ''}` }, `${score(f.spread)}${f.outlier ? '◆' : ''}`));
    })))))));
}

function reliability(p: Progress): HTMLElement {
  const n = (v: number | null) => (v === null ? '–' : v.toFixed(2));
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Reliability' }, h('table', { class: 'data compact', id: 'reliability' },
    h('thead', {}, h('tr', {}, ...['Indicator', 'Cells', 'Experts', 'Ratings', 'α (interval)', 'α (ordinal)', 'ICC'].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : undefined }, c)))),
    h('tbody', {}, ...p.reliability.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.id.replace(/_/g, ' ')),
      ...[String(r.units), String(r.raters), String(r.ratings), n(r.alpha_interval), n(r.alpha_ordinal), n(r.icc)].map((v) => h('td', { class: 'num' }, v)))))));
}

function previewView(p: PublicationPreview, round: string): HTMLElement {
  const c = p.changes;
  const q = (x: PublicationPreview['countries'][number]['quadrant_before']) => x?.label ?? '–';
  const rank = (r: PublicationPreview['countries'][number]['composites'][number]['rank_before']) => (r ? String(r.position) : '–');
  return h('div', { id: 'publication-preview' },
    h('p', {}, `Cells: ${c.raised} raised, ${c.lowered} lowered, ${c.unchanged} unchanged, ${c.added} new; ${p.pending} without a standing score.`),
    p.cells.length ? h('details', {}, h('summary', {}, `${p.cells.length} changed cell(s)`), h('ul', { class: 'plain' },
      ...p.cells.map((x) => h('li', {}, h('a', { href: links.cell(round, x.iso3, x.indicator) }, `${x.iso3} · ${x.indicator.replace(/_/g, ' ')}`),
        `: ${score(x.baseline)} → ${score(x.score)}`)))) : null,
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Countries that move' }, h('table', { class: 'data compact', id: 'preview-countries' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Country'), h('th', { scope: 'col' }, 'Composites (world rank)'), h('th', { scope: 'col' }, 'Quadrant'))),
      h('tbody', {}, ...p.countries.map((x) => h('tr', {}, h('th', { scope: 'row' }, x.name),
        h('td', {}, ...x.composites.filter((m) => m.before !== m.after || rank(m.rank_before) !== rank(m.rank_after)).map((m) =>
          h('div', {}, `${m.name}: ${m.before?.toFixed(2) ?? '–'} → ${m.after?.toFixed(2) ?? '–'} (${rank(m.rank_before)} → ${rank(m.rank_after)})`))),
        h('td', {}, q(x.quadrant_before) === q(x.quadrant_after) ? q(x.quadrant_after) : `${q(x.quadrant_before)} → ${q(x.quadrant_after)}`)))))));
}

async function trailPanel(round: string): Promise<HTMLElement> {
  const actor = h('input', { id: 'trail-actor', placeholder: 'user' });
  const action = h('input', { id: 'trail-action', placeholder: 'e.g. cell.' });
  const since = h('input', { id: 'trail-since', type: 'date' });
  const body = h('tbody', {});
  const load = async () => {
    const q = new URLSearchParams({ stream: `round/${round}`, limit: '200' });
    if (actor.value.trim()) q.set('actor', actor.value.trim());
    if (action.value.trim()) q.set('action', action.value.trim());
    if (since.value) q.set('since', since.value);
    const { entries } = await ws.trail(q);
    body.replaceChildren(...entries.slice().reverse().map((e) => h('tr', {}, h('td', {}, e.at.replace('T', ' ').slice(0, 19)), h('td', {}, e.actor),
      h('td', {}, e.action), h('td', {}, e.target), h('td', {}, e.reason))));
    if (!entries.length) body.append(h('tr', {}, h('td', { colspan: 5 }, 'No entries.')));
  };
  const form = h('form', { class: 'controls' }, field('Actor', actor), field('Action', action), field('Since', since),
    h('button', { class: 'button secondary', type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); void load(); });
  await load();
  return h('section', { class: 'panel', 'aria-labelledby': 'trail-title' }, h('h2', { id: 'trail-title' }, 'Audit trail'), form,
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Audit trail entries' }, h('table', { class: 'data compact', id: 'trail' },
      h('thead', {}, h('tr', {}, ...['When (UTC)', 'Who', 'Action', 'What', 'Why'].map((c) => h('th', { scope: 'col' }, c)))), body)));
}

/** Moves every item of the round in `from` to `to`, each at the version just read (the server checks each move). */
async function moveAll(round: string, countries: string[], from: string, to: State, report: (text: string) => void): Promise<void> {
  let moved = 0;
  for (const iso3 of countries) {
    const work = await ws.country(round, iso3);
    for (const c of work.cells.filter((x) => x.cell.state === from)) {
      await ws.move(round, iso3, c.indicator, { to }, c.cell.version);
      report(`${++moved} moved…`);
    }
    for (const s of work.sections.filter((x) => x.state === from)) {
      await ws.moveSection(round, iso3, s.section, { to }, s.version);
      report(`${++moved} moved…`);
    }
  }
  report(`${moved} item(s) moved from ${stateText(from)} to ${stateText(to)}.`);
}

export async function renderDashboard(view: HTMLElement, route: Route): Promise<void> {
  const me = await requireSession(view);
  if (!me) return;
  const round = route.path[1];
  if (!isIndexTeam(me)) {
    view.append(h('h1', {}, 'Coordinate'), workspaceNav('coordinate', round ?? null, false), message('This page is for the index team (coordinator, admin).', 'error'));
    return;
  }
  if (!round) {
    const rounds = await ws.rounds();
    view.append(h('h1', {}, 'Coordinate'), workspaceNav('coordinate', null, true),
      h('section', { class: 'panel' }, h('h2', {}, 'Rounds'), rounds.length ? h('ul', { class: 'plain', id: 'rounds' }, ...rounds.map((r) => h('li', {},
        h('a', { href: links.coordinate(r.id) }, r.id), ` · edition ${r.edition} from ${r.baseline} · ${r.phase.replace('_', ' ')} · ${r.countries} countries`))) : h('p', { class: 'note' }, 'None yet.')),
      await createForm());
    return;
  }
  const [info, progress] = await Promise.all([ws.round(round), ws.progress(round)]);
  const countries = progress.countries.map((c) => c.iso3);
  const out = h('div', { 'aria-live': 'polite', id: 'coordinate-status' });
  const say = (text: string, kind: 'ok' | 'error' = 'ok') => out.replaceChildren(message(text, kind));
  const guard = (what: () => Promise<unknown>, reload = true) => async () => {
    try { await what(); if (reload) window.dispatchEvent(new HashChangeEvent('hashchange')); } catch (err) { say((err as Error).message, 'error'); }
  };

  // Staffing.
  const experts = h('input', { id: 'staff-experts', placeholder: 'ann, bob' });
  const perCell = h('input', { id: 'staff-per-cell', type: 'number', min: 1, value: 2 });
  const reviewers = h('input', { id: 'staff-reviewers', placeholder: 'rita' });
  const withSummary = h('input', { id: 'staff-summary', type: 'checkbox', checked: true });
  const staff = h('form', { class: 'panel ws-form', 'aria-labelledby': 'staff-title' }, h('h2', { id: 'staff-title' }, 'Staff the round'),
    h('p', { class: 'note' }, 'Cells are dealt round-robin; this replaces the current assignments.'),
    h('div', { class: 'cell-grid' }, field('Experts', experts), field('Experts per cell', perCell), field('Reviewers', reviewers)),
    h('label', { class: 'check' }, withSummary, ' Each country\'s summary narrative to its first cell\'s team'),
    h('button', { class: 'button', type: 'submit', id: 'staff-submit' }, 'Assign'));
  staff.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void guard(() => ws.roundRobin(round, { experts_per_cell: Number(perCell.value), experts: list(experts.value), reviewers: list(reviewers.value), sections: withSummary.checked ? ['summary'] : [] }))();
  });

  // Phases.
  const at = PHASES.indexOf(info.phase);
  const reason = h('input', { id: 'phase-reason', placeholder: 'Reason (to go back)' });
  const phases = h('section', { class: 'panel', 'aria-labelledby': 'phase-title' }, h('h2', { id: 'phase-title' }, 'Phase'),
    h('ol', { class: 'phases' }, ...PHASES.map((p, i) => h('li', { 'aria-current': i === at ? 'step' : undefined, class: i < at ? 'done' : undefined }, p.replace('_', ' ')))),
    at < 3 ? h('button', { class: 'button', id: 'phase-next', onclick: guard(() => ws.phase(round, PHASES[at + 1])) }, `Move to ${PHASES[at + 1].replace('_', ' ')}`) : null,
    at === 2 || at === 3 ? h('div', { class: 'row' }, reason, h('button', { class: 'button secondary', onclick: guard(() => ws.phase(round, PHASES[at - 1], reason.value)) }, `Back to ${PHASES[at - 1].replace('_', ' ')}`)) : null);

  // Settling in bulk.
  const bulk = (from: State, to: State, label: string) => h('button', { class: 'button secondary', 'data-bulk': `${from}-${to}`, onclick: guard(async () => {
    delete out.dataset.done;
    let text = '';
    await moveAll(round, countries, from, to, (t) => { text = t; say(t); });
    lastNote = { text, done: `${from}-${to}` };
  }) }, label);
  if (lastNote) {
    say(lastNote.text);
    out.dataset.done = lastNote.done;
    lastNote = null;
  }
  const settle = h('section', { class: 'panel', 'aria-labelledby': 'settle-title' }, h('h2', { id: 'settle-title' }, 'Settle'),
    h('div', { class: 'row' }, bulk('draft', 'submitted', 'Submit every drafted item'), bulk('submitted', 'in_review', 'Take every submitted item into review'), bulk('in_review', 'agreed', 'Agree every item in review at its proposal'),
      bulk('agreed', 'final', 'Mark every agreed item final')));

  // Publishing.
  const pub = h('div', {});
  const publish = h('section', { class: 'panel', 'aria-labelledby': 'publish-title' }, h('h2', { id: 'publish-title' }, 'Publish'),
    h('p', { class: 'note' }, `Publishing stores edition ${info.edition}: every cell and assigned section must be final and the round settled.`),
    h('div', { class: 'row' },
      h('button', { class: 'button secondary', id: 'publish-preview', onclick: guard(async () => pub.replaceChildren(previewView(await ws.publicationPreview(round), round)), false) }, 'What changes'),
      h('button', { class: 'button', id: 'publish', disabled: info.phase !== 'settled', onclick: guard(async () => {
        const report = await ws.publish(round);
        forgetCached();
        pub.replaceChildren(message(`Published edition ${report.edition} (revision ${report.revision}): ${report.countries} countries, ${report.expert_scores} expert scores.`),
          h('p', {}, h('a', { id: 'published-link', href: `#/rankings?edition=${report.edition}` }, `See edition ${report.edition} in the explorer`)));
      }, false) }, `Publish edition ${info.edition}`)), pub);

  const t = progress.total;
  view.append(
    h('h1', {}, `Coordinate · ${round}`), workspaceNav('coordinate', round, true), out,
    h('p', { class: 'note' }, `Edition ${info.edition} from ${info.baseline} · ${info.countries} countries · ${info.cells} cells · ${info.sections} sections. `,
      h('a', { href: links.review(round) }, 'Flagged cells'), ' · ',
      h('a', { href: links.calibrate(round, progress.indicators[0]?.indicator ?? '') }, 'Calibrate')),
    h('div', { class: 'cards' },
      h('section', { class: 'card' }, h('h2', {}, 'Progress'), progressBar(t.states.agreed + t.states.final, t.cells, 'Cells agreed or final'),
        h('p', { class: 'note', id: 'progress-total' }, STATES.map((s) => `${stateText(s)} ${t.states[s]}`).join(' · '), ` · wide ${t.wide} · outliers ${t.outliers}`)),
      phases),
    staff,
    h('section', { class: 'panel', 'aria-labelledby': 'heat-title' }, h('h2', { id: 'heat-title' }, 'Disagreement'), heatmap(round, progress)),
    h('details', { class: 'panel', open: true }, h('summary', {}, h('h2', { class: 'inline' }, 'By country')), tallyTable('Progress by country', 'iso3', progress.countries)),
    h('details', { class: 'panel' }, h('summary', {}, h('h2', { class: 'inline' }, 'By indicator')),
      tallyTable('Progress by indicator', 'indicator', progress.indicators as never, (k) => links.calibrate(round, k))),
    h('details', { class: 'panel' }, h('summary', {}, h('h2', { class: 'inline' }, 'By expert')), tallyTable('Progress by expert', 'expert', progress.experts as never)),
    h('details', { class: 'panel' }, h('summary', {}, h('h2', { class: 'inline' }, 'Reliability so far')), reliability(progress)),
    settle, publish, await trailPanel(round));
}
