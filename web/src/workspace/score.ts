// #/score/{round}/{iso3}: an expert scores one country. Per indicator: its definition,
// the scale, last edition's score and published justifications, the score (1–10 in
// steps of 0.5), justification and sources with a word count, confidence, and a reason
// when the score moves 1.0 or more. Every change is autosaved through the draft queue
// (autosave.ts), so nothing is lost offline or on a closed tab; a cell changed
// elsewhere (412) shows both versions. The side panel shows the composites and ranks
// the API computes with these drafts.
import { ApiError } from '../api';
import { h } from '../dom';
import { rankText, type Route } from '../util';
import { ws, type Cell, type CountryPreview, type CountryWork, type WorkCell } from './client';
import { draftQueue, flushDrafts, listen } from './autosave';
import { cellId, complete, wordCount, type DraftBody, type QueuedDraft } from './draft-queue';
import { isIndexTeam, requireSession, type Me } from './session';
import { links, message, score, stateBadge, workspaceNav } from './ui';

const SAVE_DELAY = 600;  // ms after the last keystroke
const CONFIDENCE = ['1 · thin evidence', '2', '3 · some sources', '4', '5 · several independent sources'];

interface CellForm {
  cell: WorkCell;
  version: number;
  fields: { score: HTMLInputElement; justification: HTMLTextAreaElement; sources: HTMLTextAreaElement; confidence: HTMLSelectElement; reason: HTMLInputElement };
  status: HTMLElement;
  words: HTMLElement;
  conflict: HTMLElement;
  actions: HTMLElement;
}

function bodyOf(f: CellForm): DraftBody {
  const v = f.fields.score.value.trim();
  return {
    score: v === '' ? null : Number(v),
    justification: f.fields.justification.value,
    sources: f.fields.sources.value.split('\n').map((s) => s.trim()).filter(Boolean),
    confidence: Number(f.fields.confidence.value),
    change_reason: f.fields.reason.value,
  };
}

function fill(f: CellForm, b: DraftBody): void {
  f.fields.score.value = b.score === null ? '' : String(b.score);
  f.fields.justification.value = b.justification;
  f.fields.sources.value = b.sources.join('\n');
  f.fields.confidence.value = String(b.confidence);
  f.fields.reason.value = b.change_reason;
  f.words.textContent = `${wordCount(b.justification)} words`;
}

function mine(cell: Cell, me: Me): DraftBody | null {
  const s = cell.submissions.find((x) => x.expert === me.user);
  return s ? { score: s.score, justification: s.justification, sources: s.sources, confidence: s.confidence, change_reason: s.change_reason } : null;
}

function previewTable(p: CountryPreview): HTMLElement {
  const rows = p.composites.map((c) => {
    const moved = c.before !== c.after;
    return h('tr', { 'data-measure': c.id, class: moved ? 'moved' : undefined },
      h('th', { scope: 'row' }, c.name),
      h('td', { class: 'num' }, c.before === null ? '–' : c.before.toFixed(2)),
      h('td', { class: 'num', 'data-after': c.id }, c.after === null ? '–' : c.after.toFixed(2), moved ? (c.after! > c.before! ? ' ▲' : ' ▼') : ''),
      h('td', { class: 'num' }, `${rankText(c.rank_before)} → ${rankText(c.rank_after)}`));
  });
  const q = (x: CountryPreview['quadrant_before']) => x?.label ?? '–';
  return h('div', {},
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Composites with these drafts' }, h('table', { class: 'data compact', id: 'preview-table' },
      h('caption', { class: 'sr-only' }, 'Composites with these drafts'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Measure'), h('th', { scope: 'col', class: 'num' }, 'Last'),
        h('th', { scope: 'col', class: 'num' }, 'With drafts'), h('th', { scope: 'col', class: 'num' }, 'Rank'))),
      h('tbody', {}, ...rows))),
    h('p', { class: 'note' }, `Quadrant: ${q(p.quadrant_before)} → `, h('strong', { id: 'preview-quadrant' }, q(p.quadrant_after))));
}

export async function renderScore(view: HTMLElement, route: Route): Promise<void> {
  const round = route.path[1];
  const iso3 = (route.path[2] ?? '').toUpperCase();
  // Asked for beside the session, not after it: one round trip less before the page can be used.
  const data = Promise.all([ws.country(round, iso3), ws.preview(round, iso3)]);
  data.catch(() => {});  // without a session the sign-in form answers instead
  const me = await requireSession(view);
  if (!me) return;
  const [work, preview] = await data;
  const queue = draftQueue(me.user);
  const status = h('p', { class: 'save-status', id: 'save-status', role: 'status', 'aria-live': 'polite' }, 'All changes are saved as you type.');
  const side = h('aside', { class: 'panel score-side', 'aria-labelledby': 'preview-title' },
    h('h2', { id: 'preview-title' }, 'With these drafts'), previewTable(preview),
    h('p', { class: 'note' }, 'Computed by the server: world ranks among the round\'s countries, the others at last edition\'s scores.'));
  const forms = new Map<string, CellForm>();
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshPreview = () => {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(async () => {
      const p = await ws.preview(round, iso3).catch(() => null);
      if (p) side.replaceChildren(side.firstElementChild!, previewTable(p), side.lastElementChild!);
    }, 300);
  };
  const updateStatus = (text?: string) => {
    const waiting = queue.all().filter((d) => d.round === round && d.iso3 === iso3);
    status.textContent = text ?? (waiting.length ? `${waiting.length} draft(s) kept in this browser, not yet on the server.` : 'All drafts are saved on the server.');
  };

  const head = h('div', {},
    h('h1', {}, `Score ${work.name} (${iso3})`),
    workspaceNav('work', round, isIndexTeam(me)),
    h('p', { class: 'note' }, `Round ${round} · phase ${work.phase.replace('_', ' ')} · scale ${work.scale.min}–${work.scale.max} in steps of ${work.scale.step}. `,
      ...work.sections.map((s) => h('a', { href: links.write(round, iso3, s.section), class: 'section-link' }, `${s.title} narrative`))),
    status);
  const main = h('div', { class: 'score-main' });
  let group = '';
  for (const cell of work.cells) {
    if (cell.group !== group) {
      group = cell.group;
      main.append(h('h2', { class: 'score-group' }, group));
    }
    const f = cellForm(cell, work, me);
    forms.set(cellId({ round, iso3, indicator: cell.indicator }), f);
    main.append(f.status.closest('article')!);
  }
  view.append(head, h('div', { class: 'score-layout' }, main, side));

  const changed = (f: CellForm) => {
    f.words.textContent = `${wordCount(f.fields.justification.value)} words`;
    const b = bodyOf(f);
    const empty = b.score === null && !b.justification.trim() && !b.sources.length && !b.change_reason.trim();
    if (empty) queue.drop(cellId({ round, iso3, indicator: f.cell.indicator }));  // nothing to keep
    else queue.put({ round, iso3, indicator: f.cell.indicator, seen: f.version, body: b });
    f.status.textContent = complete(b) ? 'Saving…' : 'Kept in this browser: a score and a justification are needed to save.';
    updateStatus();
  };
  for (const f of forms.values()) {
    let t: ReturnType<typeof setTimeout> | undefined;
    for (const field of Object.values(f.fields)) {
      field.addEventListener('input', () => {
        f.conflict.replaceChildren();
        changed(f);  // into localStorage at once; sent after a pause
        clearTimeout(t);
        t = setTimeout(() => { void flushDrafts(me.user).then((delay) => { if (delay) updateStatus(`Offline: drafts are kept in this browser and sent again in ${Math.round(delay / 1000)} s.`); }); }, SAVE_DELAY);
      });
    }
    const stored = queue.find(cellId({ round, iso3, indicator: f.cell.indicator }));
    if (stored) {
      fill(f, stored.body);
      f.status.textContent = 'Restored a draft this browser had not yet sent.';
    }
  }

  const unlisten = listen({
    saved: (d, version) => {
      const f = forms.get(cellId(d));
      if (!f) return;
      f.version = version;
      f.status.textContent = `Saved as version ${version} at ${new Date().toLocaleTimeString()}.`;
      f.status.dataset.saved = String(version);
      renderActions(f);
      updateStatus();
      refreshPreview();
    },
    parked: (d) => { const f = forms.get(cellId(d)); if (f) void showProblem(f, d); },
    offline: () => updateStatus('Offline: drafts are kept in this browser and will be sent when the connection is back.'),
  });
  window.addEventListener('hashchange', unlisten, { once: true });

  async function showProblem(f: CellForm, d: QueuedDraft): Promise<void> {
    if (d.problem?.status !== 412) {
      f.status.textContent = `Not saved: ${d.problem?.message}`;
      return;
    }
    const current = await ws.cell(round, iso3, f.cell.indicator);
    const theirs = mine(current, me!);
    const yours = d.body;
    const side = (title: string, b: DraftBody | null, extra: string) => h('div', { class: 'version' }, h('h4', {}, title),
      b ? h('p', {}, h('strong', {}, `Score ${score(b.score)}`), ` · confidence ${b.confidence}`) : h('p', {}, 'No draft of yours is stored.'),
      b ? h('p', { class: 'justification' }, b.justification) : null, h('p', { class: 'note' }, extra));
    f.status.textContent = 'Not saved: this cell changed elsewhere.';
    f.conflict.replaceChildren(h('div', { class: 'conflict', role: 'alert' },
      h('p', {}, h('strong', {}, `This cell changed elsewhere: it is now at version ${current.version} (${current.state.replace('_', ' ')}); your draft was written on version ${d.seen}.`)),
      h('div', { class: 'versions' }, side('Your draft (not saved)', yours, 'In this browser only.'), side(`Stored now (version ${current.version})`, theirs, 'On the server.')),
      h('div', { class: 'row' },
        h('button', { class: 'button', onclick: () => { f.version = current.version; queue.put({ round, iso3, indicator: f.cell.indicator, seen: current.version, body: yours }); f.conflict.replaceChildren(); f.status.textContent = 'Saving…'; void flushDrafts(me!.user); } }, 'Keep my draft'),
        h('button', { class: 'button secondary', onclick: () => { f.version = current.version; queue.drop(cellId(d)); if (theirs) fill(f, theirs); f.conflict.replaceChildren(); f.status.textContent = 'Showing the stored version.'; updateStatus(); } }, 'Use the stored version'))));
  }

  function renderActions(f: CellForm): void {
    const state = f.cell.cell.state;
    const canSubmit = state === 'draft' && f.cell.relation === 'drafting' && f.status.dataset.saved !== undefined;
    f.actions.replaceChildren();
    if (canSubmit) f.actions.append(h('button', { class: 'button secondary', 'data-submit': f.cell.indicator, onclick: async () => {
      try {
        const r = await ws.move(round, iso3, f.cell.indicator, { to: 'submitted' }, f.version);
        f.version = r.version;
        f.cell.cell.state = 'submitted';
        f.status.textContent = 'Submitted for review.';
        for (const field of Object.values(f.fields)) field.disabled = true;
        f.actions.replaceChildren(stateBadge('submitted'));
      } catch (err) {
        f.status.textContent = err instanceof ApiError && err.status === 409 ? `Not yet: ${err.message}` : (err as Error).message;
      }
    } }, 'Submit'));
  }
  for (const f of forms.values()) {
    if (mine(f.cell.cell, me)) f.status.dataset.saved = String(f.version);
    renderActions(f);
  }
  updateStatus();
  const focus = route.query.get('cell');
  if (focus) forms.get(cellId({ round, iso3, indicator: focus }))?.fields.score.focus();
  if (queue.all().length) void flushDrafts(me.user);
}

function cellForm(cell: WorkCell, work: CountryWork, me: Me): CellForm {
  const id = cell.indicator;
  const editable = cell.relation === 'drafting' && cell.cell.state === 'draft' && ['drafting', 'review_open', 'calibration'].includes(work.phase);
  const input = <T extends HTMLElement>(el: T) => { if (!editable) el.setAttribute('disabled', ''); return el; };
  const fields = {
    score: input(h('input', { type: 'number', id: `score-${id}`, min: work.scale.min, max: work.scale.max, step: work.scale.step, inputmode: 'decimal', 'aria-describedby': `guide-${id}` })),
    justification: input(h('textarea', { id: `just-${id}`, rows: 4 })),
    sources: input(h('textarea', { id: `src-${id}`, rows: 2, placeholder: 'One citation or URL per line' })),
    confidence: input(h('select', { id: `conf-${id}` }, ...CONFIDENCE.map((text, i) => h('option', { value: i + 1, selected: i === 2 }, text)))),
    reason: input(h('input', { id: `reason-${id}` })),
  };
  const words = h('span', { class: 'words', id: `words-${id}` }, '0 words');
  const status = h('p', { class: 'cell-status', id: `status-${id}`, role: 'status' }, editable ? '' : 'Read only in this state.');
  const conflict = h('div', { id: `conflict-${id}` });
  const actions = h('div', { class: 'cell-actions' });
  const baseline = cell.baseline === null ? 'not assessed last edition' : `last edition: ${cell.baseline.toFixed(1)}`;
  h('article', { class: 'panel score-cell', id: `cell-${id}`, 'data-indicator': id, 'aria-labelledby': `title-${id}` },
    h('header', { class: 'cell-head' }, h('h3', { id: `title-${id}` }, cell.name), stateBadge(cell.cell.state)),
    h('p', { class: 'definition' }, cell.definition || 'No definition in the framework.'),
    h('p', { class: 'note', id: `guide-${id}` }, `Score ${work.scale.min} (least) to ${work.scale.max} (most) in steps of ${work.scale.step}; arrow keys step. A move of 1.0 or more from last edition needs a reason. `,
      h('strong', { 'data-baseline': id }, baseline), '.'),
    cell.baseline_justifications.length ? h('details', {}, h('summary', {}, 'Last edition\'s justifications'),
      ...cell.baseline_justifications.map((j) => h('blockquote', {}, j))) : null,
    h('div', { class: 'cell-grid' },
      h('label', { class: 'field narrow' }, h('span', {}, 'Score'), fields.score),
      h('label', { class: 'field' }, h('span', {}, 'Confidence'), fields.confidence),
      h('label', { class: 'field grow' }, h('span', {}, 'Reason for a move of 1.0 or more'), fields.reason)),
    h('label', { class: 'field' }, h('span', {}, 'Justification ', words), fields.justification),
    h('label', { class: 'field' }, h('span', {}, 'Sources'), fields.sources),
    conflict, h('div', { class: 'cell-foot' }, status, actions));
  const form: CellForm = { cell, version: cell.cell.version, fields, status, words, conflict, actions };
  const stored = mine(cell.cell, me);
  if (stored) fill(form, stored);
  return form;
}
