// #/work?round=R&state=S: the rounds the user takes part in and, for one round, the
// countries and sections assigned to them with their progress, filtered by state.
import { h, select } from '../dom';
import type { Route } from '../util';
import { ws, type WorkItem } from './client';
import { isIndexTeam, requireSession } from './session';
import { links, progressBar, stateBadge, STATES, stateText, workspaceNav } from './ui';

interface CountryWork { iso3: string; cells: WorkItem[]; sections: WorkItem[] }

function byCountry(items: WorkItem[]): CountryWork[] {
  const out = new Map<string, CountryWork>();
  for (const item of items) {
    const entry = out.get(item.iso3) ?? { iso3: item.iso3, cells: [], sections: [] };
    (item.kind === 'cell' ? entry.cells : entry.sections).push(item);
    out.set(item.iso3, entry);
  }
  return [...out.values()];
}

export async function renderWorklist(view: HTMLElement, route: Route): Promise<void> {
  const me = await requireSession(view);
  if (!me) return;
  const rounds = await ws.rounds();
  const round = route.query.get('round') ?? rounds.find((r) => r.phase !== 'published')?.id ?? rounds[0]?.id ?? null;
  const state = route.query.get('state') ?? '';
  view.append(h('h1', {}, 'My work'), workspaceNav('work', round, isIndexTeam(me)));
  if (!round) {
    view.append(h('p', { class: 'empty' }, isIndexTeam(me) ? 'No round yet. ' : 'You are not assigned to any round yet.',
      isIndexTeam(me) ? h('a', { href: links.coordinate() }, 'Create one') : null));
    return;
  }
  const go = (r: string, s: string) => { location.hash = `#/work?round=${encodeURIComponent(r)}${s ? `&state=${s}` : ''}`; };
  const info = rounds.find((r) => r.id === round);
  view.append(h('div', { class: 'controls' },
    select('Round', rounds.map((r) => [r.id, `${r.id} (edition ${r.edition}, ${r.phase.replace('_', ' ')})`]), round, (v) => go(v, state), 'sel-round'),
    select('State', [['', 'Any state'], ...STATES.map((s): [string, string] => [s, stateText(s)])], state, (v) => go(round, v), 'sel-state')),
  h('p', { class: 'note' }, `Phase: ${info?.phase.replace('_', ' ') ?? '?'}. `, h('a', { href: links.review(round) }, 'Review queue')));

  const { items } = await ws.worklist(round);
  const shown = items.filter((i) => !state || i.state === state);
  if (!shown.length) {
    view.append(h('p', { class: 'empty', id: 'worklist-empty' }, items.length ? 'Nothing in this state.' : 'Nothing is assigned to you in this round.'));
    return;
  }
  const drafted = items.filter((i) => i.drafted).length;
  view.append(h('section', { class: 'panel' }, h('h2', {}, 'Progress'), progressBar(drafted, items.length, 'Items with your draft')));
  const list = h('ul', { class: 'worklist', id: 'worklist' });
  for (const c of byCountry(shown)) {
    const drafting = c.cells.filter((i) => i.relation === 'drafting');
    const reviewing = c.cells.filter((i) => i.relation === 'reviewer');
    list.append(h('li', { class: 'panel work-country', 'data-iso3': c.iso3 },
      h('h2', {}, c.iso3),
      drafting.length ? h('p', {}, h('a', { class: 'button', href: links.score(round, c.iso3) }, `Score ${c.iso3}`), ' ',
        progressBar(drafting.filter((i) => i.drafted).length, drafting.length, `Cells of ${c.iso3} drafted`)) : null,
      reviewing.length ? h('p', {}, h('a', { href: links.review(round) }, `${reviewing.length} cell(s) to review`)) : null,
      h('details', {}, h('summary', {}, `${c.cells.length} cell(s), ${c.sections.length} section(s)`),
        h('ul', { class: 'plain' }, ...[...c.cells, ...c.sections].map((i) => h('li', {},
          h('a', { href: i.kind === 'section' ? links.write(round, i.iso3, i.item) : i.relation === 'drafting' ? links.score(round, i.iso3, i.item) : links.cell(round, i.iso3, i.item) },
            i.item.replace(/_/g, ' ')), ' ', stateBadge(i.state), i.drafted ? ' ✓ drafted' : '')))),
      ...c.sections.map((s) => h('p', {}, h('a', { href: links.write(round, s.iso3, s.item) }, `Write the ${s.item.replace(/_/g, ' ')} section`), ' ', stateBadge(s.state)))));
  }
  view.append(list);
}
