// One cell for review: the experts' scores and justifications side by side (the API
// shows them only once review opens), the consensus and spread, the threaded comments,
// and the moves the state machine offers (take into review, agree, challenge, final).
// The reviewer's queue, calibration and the coordinator open cells through it.
import { h } from '../dom';
import type { Route } from '../util';
import { ws, type Cell } from './client';
import { isIndexTeam, requireSession, type Me } from './session';
import { links, message, score, stateBadge, workspaceNav } from './ui';

type Move = { to: string; label: string; reason: 'none' | 'required' | 'optional'; settled?: boolean };
const MOVES: Record<string, Move[]> = {
  submitted: [{ to: 'in_review', label: 'Take into review', reason: 'none' }, { to: 'draft', label: 'Send back to draft', reason: 'optional' }],
  in_review: [{ to: 'agreed', label: 'Agree', reason: 'optional', settled: true }, { to: 'draft', label: 'Challenge', reason: 'required' }],
  agreed: [{ to: 'final', label: 'Mark final', reason: 'none' }, { to: 'in_review', label: 'Reopen for review', reason: 'required' }],
  final: [{ to: 'agreed', label: 'Reopen', reason: 'required' }],
  draft: [{ to: 'submitted', label: 'Submit', reason: 'none' }],
};

function submissions(cell: Cell): HTMLElement {
  if (!cell.submissions.length) return h('p', { class: 'note' }, 'No drafts yet.');
  return h('div', { class: 'experts' }, ...cell.submissions.map((s) => h('article', { class: 'expert-card', 'data-expert': s.expert },
    h('h4', {}, s.expert), h('p', { class: 'expert-score' }, h('strong', {}, score(s.score)), ` · confidence ${s.confidence}/5`),
    h('p', { class: 'justification' }, s.justification),
    s.sources.length ? h('ul', { class: 'sources' }, ...s.sources.map((x) => h('li', {}, x))) : null,
    s.change_reason ? h('p', { class: 'note' }, `Reason for the move: ${s.change_reason}`) : null)));
}

/** The cell's panel; `changed` runs after a write (the caller may refresh its list). */
export async function cellPanel(round: string, iso3: string, indicator: string, changed: () => void = () => {}): Promise<HTMLElement> {
  const panel = h('section', { class: 'panel cell-panel', id: 'cell-panel', 'data-cell': `${iso3}/${indicator}`, 'aria-labelledby': 'cell-title' });
  const out = h('div', { 'aria-live': 'polite' });
  const draw = async () => {
    const cell = await ws.cell(round, iso3, indicator);
    const act = async (what: () => Promise<unknown>) => {
      try { await what(); changed(); await draw(); out.replaceChildren(message('Done.')); } catch (err) { out.replaceChildren(message((err as Error).message, 'error')); }
    };
    const reason = h('input', { id: 'move-reason', placeholder: 'Reason (needed to challenge or reopen)' });
    const settled = h('input', { id: 'move-settled', type: 'number', min: 1, max: 10, step: 0.5, value: cell.consensus ? String(cell.consensus.proposal) : '' });
    const moves = (MOVES[cell.state] ?? []).map((m) => h('button', { class: m.to === 'draft' || m.reason === 'required' ? 'button secondary' : 'button', 'data-move': m.to, onclick: () => act(() => {
      const body: { to: string; reason?: string; settled?: number | null } = { to: m.to, reason: reason.value.trim() || undefined };
      if (m.settled && settled.value !== '' && Number(settled.value) !== cell.consensus?.proposal) body.settled = Number(settled.value);
      if (m.reason === 'required' && !body.reason) throw new Error(`${m.label} needs a reason.`);
      return ws.move(round, iso3, indicator, body as never, cell.version);
    }) }, m.label));
    const reply = (thread: number) => {
      const text = h('input', { 'aria-label': `Reply to thread ${thread}`, class: 'reply-text' });
      const form = h('form', { class: 'inline-form' }, text, h('button', { class: 'button secondary', type: 'submit' }, 'Reply'));
      form.addEventListener('submit', (ev) => { ev.preventDefault(); if (text.value.trim()) void act(() => ws.reply(round, thread, text.value.trim())); });
      return form;
    };
    const newThread = h('textarea', { id: 'thread-text', rows: 2, 'aria-label': 'New comment' });
    const threadForm = h('form', { class: 'ws-form' }, newThread, h('button', { class: 'button secondary', type: 'submit', id: 'thread-open' }, 'Comment'));
    threadForm.addEventListener('submit', (ev) => { ev.preventDefault(); if (newThread.value.trim()) void act(() => ws.thread(round, iso3, indicator, newThread.value.trim())); });
    panel.replaceChildren(...[
      h('header', { class: 'cell-head' }, h('h2', { id: 'cell-title' }, `${iso3} · ${indicator.replace(/_/g, ' ')}`), stateBadge(cell.state),
        h('span', { class: 'note' }, ` version ${cell.version}${cell.settled !== null ? ` · settled at ${score(cell.settled)}` : ''}`)),
      cell.others_visible ? null : h('p', { class: 'note' }, 'Other experts\' drafts, the consensus and the comments show once review opens.'),
      submissions(cell),
      cell.consensus ? h('p', { class: 'consensus' }, `Consensus proposal ${score(cell.consensus.proposal)} from ${cell.consensus.count} draft(s); spread ${score(cell.consensus.spread)}`,
        cell.consensus.wide ? h('strong', { class: 'flag' }, ' ⚑ wide disagreement') : '') : null,
      moves.length ? h('div', { class: 'moves' },
        cell.state === 'in_review' ? h('label', { class: 'field narrow' }, h('span', {}, 'Agree at'), settled) : null,
        h('label', { class: 'field grow' }, h('span', {}, 'Reason'), reason), h('div', { class: 'row' }, ...moves)) : null,
      out,
      cell.others_visible ? h('section', { class: 'threads', 'aria-label': 'Comments' }, h('h3', {}, 'Comments'),
        ...cell.threads.map((t) => h('div', { class: 'thread', 'data-thread': t.id },
          h('ol', { class: 'plain' }, ...t.comments.map((c) => h('li', {}, h('strong', {}, c.author), ` ${new Date(c.at * 1000).toISOString().slice(0, 16).replace('T', ' ')}: `, c.text))),
          reply(t.id))),
        threadForm) : null].filter((x): x is HTMLElement => x !== null));
  };
  await draw();
  return panel;
}

/** #/cell/{round}/{iso3}/{indicator} */
export async function renderCell(view: HTMLElement, route: Route): Promise<void> {
  const me: Me | null = await requireSession(view);
  if (!me) return;
  const [, round, iso3, indicator] = route.path;
  view.append(h('h1', {}, `Cell ${iso3.toUpperCase()} · ${indicator.replace(/_/g, ' ')}`), workspaceNav('review', round, isIndexTeam(me)),
    h('p', { class: 'note' }, h('a', { href: links.calibrate(round, indicator) }, 'Compare across countries'), ' · ',
      h('a', { href: links.review(round) }, 'Review queue')),
    await cellPanel(round, iso3.toUpperCase(), indicator));
}
