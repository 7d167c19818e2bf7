// #/review/{round}?cell=ISO3/indicator: the reviewer's queue (the cells they review,
// those waiting for them first) beside the open cell (cell-panel.ts). The index team,
// assigned to no cell, sees the flagged cells of the round's progress instead.
import { h } from '../dom';
import type { Route } from '../util';
import { ws } from './client';
import { cellPanel } from './cell-panel';
import { isIndexTeam, requireSession } from './session';
import { links, stateBadge, workspaceNav } from './ui';

const WAITING: Record<string, number> = { submitted: 0, in_review: 1, agreed: 2, draft: 3, final: 4 };

interface QueueItem { iso3: string; indicator: string; state: string; note: string }

export async function renderReview(view: HTMLElement, route: Route): Promise<void> {
  const me = await requireSession(view);
  if (!me) return;
  const round = route.path[1];
  const team = isIndexTeam(me);
  view.append(h('h1', {}, `Review · ${round}`), workspaceNav('review', round, team));
  let items: QueueItem[];
  if (team) {
    const progress = await ws.progress(round);
    items = progress.flagged.map((f) => ({ iso3: f.iso3, indicator: f.indicator, state: '', note: `${f.wide ? 'wide' : ''}${f.outlier ? ` outlier z=${f.z?.toFixed(1)}` : ''}` }));
  } else {
    const { items: all } = await ws.worklist(round);
    items = all.filter((i) => i.kind === 'cell' && i.relation === 'reviewer')
      .map((i) => ({ iso3: i.iso3, indicator: i.item, state: i.state, note: '' }))
      .sort((a, b) => WAITING[a.state] - WAITING[b.state]);
  }
  if (!items.length) {
    view.append(h('p', { class: 'empty', id: 'review-empty' }, team ? 'No flagged cell: the experts agree so far.' : 'No cell to review in this round.'));
    return;
  }
  const chosen = route.query.get('cell') ?? `${items[0].iso3}/${items[0].indicator}`;
  const [iso3, indicator] = chosen.split('/');
  const list = h('ul', { class: 'review-queue plain', id: 'review-queue', 'aria-label': team ? 'Flagged cells' : 'Cells to review' },
    ...items.map((i) => h('li', {}, h('a', {
      href: `${links.review(round)}?cell=${i.iso3}/${i.indicator}`, 'aria-current': `${i.iso3}/${i.indicator}` === chosen ? 'true' : undefined, 'data-cell': `${i.iso3}/${i.indicator}`,
    }, `${i.iso3} · ${i.indicator.replace(/_/g, ' ')} `, i.state ? stateBadge(i.state) : h('span', { class: 'flag' }, i.note)))));
  const panel = await cellPanel(round, iso3, indicator, () => {});
  view.append(h('div', { class: 'review-layout' }, h('nav', { class: 'panel' }, h('h2', {}, team ? 'Flagged cells' : 'Your queue'), list), panel));
}
