// #/write/{round}/{iso3}/{section}: an expert writes one narrative section in Markdown
// beside its preview. The server reads the saved text with `profile import`'s rules and
// answers the paragraphs a profile would print, and what the import would report (a
// heading inside the text opens another section), so the preview is the profile.
// Saves after a pause, with If-Match; a 412 shows both texts. Until the server has it,
// the text is also kept in localStorage: a closed tab or a dropped connection loses
// nothing, and the section restores and sends it when it opens again.
import { ApiError } from '../api';
import { h } from '../dom';
import type { Route } from '../util';
import { ws, type WorkSection } from './client';
import { backoff, wordCount } from './draft-queue';
import { isIndexTeam, requireSession } from './session';
import { links, stateBadge, workspaceNav } from './ui';

const SAVE_DELAY = 800;

/** A section's text not yet stored, and the version it was written on (If-Match). */
interface Unsaved { text: string; seen: number }
const unsavedKey = (user: string, round: string, iso3: string, section: string) =>
  `ocindex.narrative.${user}/${round}/${iso3}/${section}`;
function readUnsaved(key: string): Unsaved | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as Unsaved | null;
  } catch {
    return null;
  }
}

function previewOf(section: WorkSection): HTMLElement[] {
  const out: HTMLElement[] = [h('h3', {}, section.title), ...section.paragraphs.map((p) => h('p', {}, p))];
  if (!section.paragraphs.length) out.push(h('p', { class: 'note' }, 'Nothing written yet.'));
  if (section.problems.length) {
    out.push(h('div', { class: 'msg msg-warn', role: 'status' }, h('p', {}, 'Profile import would report:'),
      h('ul', {}, ...section.problems.map((p) => h('li', {}, p)))));
  }
  return out;
}

export async function renderNarrative(view: HTMLElement, route: Route): Promise<void> {
  const me = await requireSession(view);
  if (!me) return;
  const [, round, iso3raw, sectionId] = route.path;
  const iso3 = iso3raw.toUpperCase();
  const find = async () => {
    const work = await ws.country(round, iso3);
    const s = work.sections.find((x) => x.section === sectionId);
    if (!s) throw new ApiError(`no ${sectionId} section of ${iso3} is yours in round ${round}`, 404);
    return { work, s };
  };
  let { work, s: section } = await find();
  const editable = section.relation === 'drafting' && section.state === 'draft';
  let version = section.version;
  const text = h('textarea', { id: 'narrative-text', rows: 18, spellcheck: 'true', disabled: !editable, 'aria-describedby': 'narrative-help' });
  text.value = section.text;
  const words = h('span', { id: 'narrative-words' }, `${wordCount(section.text)} words`);
  const status = h('p', { class: 'cell-status', id: 'narrative-status', role: 'status' }, editable ? 'Saved as you type.' : 'Read only in this state.');
  const preview = h('div', { class: 'prose narrative-preview', id: 'narrative-preview', 'aria-live': 'polite' }, ...previewOf(section));
  const conflict = h('div', {});
  const key = unsavedKey(me.user, round, iso3, sectionId);
  const keep = () => localStorage.setItem(key, JSON.stringify({ text: text.value, seen: version } satisfies Unsaved));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const save = async (seen: number) => {
    clearTimeout(timer);
    status.textContent = 'Saving…';
    const sent = text.value;
    try {
      version = (await ws.writeSection(round, iso3, sectionId, sent, seen)).version;
      failures = 0;
      if (text.value === sent) localStorage.removeItem(key); else keep();  // typed on meanwhile: kept on the new version
      ({ work, s: section } = await find());
      preview.replaceChildren(...previewOf(section));
      status.textContent = `Saved as version ${version}.`;
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        const now = await find();
        conflict.replaceChildren(h('div', { class: 'conflict', role: 'alert' },
          h('p', {}, h('strong', {}, `The section changed elsewhere: it is now at version ${now.s.version}.`)),
          h('div', { class: 'versions' },
            h('div', { class: 'version' }, h('h4', {}, 'Your text (not saved)'), h('pre', {}, text.value)),
            h('div', { class: 'version' }, h('h4', {}, `Stored (version ${now.s.version})`), h('pre', {}, now.s.text))),
          h('div', { class: 'row' },
            h('button', { class: 'button', onclick: () => { conflict.replaceChildren(); void save(now.s.version); } }, 'Keep my text'),
            h('button', { class: 'button secondary', onclick: () => { conflict.replaceChildren(); text.value = now.s.text; version = now.s.version; status.textContent = 'Showing the stored text.'; } }, 'Use the stored text'))));
        status.textContent = 'Not saved: the section changed elsewhere.';
      } else if (!(err instanceof ApiError) || err.status === 0) {
        // No answer: the text stays in this browser and goes out when the connection is back.
        failures += 1;
        status.textContent = 'Not saved yet: no connection. The text is kept in this browser and sent when it can be.';
        timer = setTimeout(() => void save(version), backoff(failures));
      } else {
        status.textContent = `Not saved: ${(err as Error).message}`;
      }
    }
  };
  text.addEventListener('input', () => {
    words.textContent = `${wordCount(text.value)} words`;
    keep();
    clearTimeout(timer);
    timer = setTimeout(() => void save(version), SAVE_DELAY);
  });
  const online = () => {
    if (!document.contains(text)) window.removeEventListener('online', online);  // the page was left
    else if (localStorage.getItem(key) !== null) void save(version);
  };
  window.addEventListener('online', online);
  // Text an earlier visit could not send: sent now, on the version it was written on. If
  // the section has left the draft state since, it is shown (and kept) to copy from.
  const unsaved = readUnsaved(key);
  if (unsaved && unsaved.text === section.text) {
    localStorage.removeItem(key);
  } else if (unsaved && editable) {
    text.value = unsaved.text;
    words.textContent = `${wordCount(text.value)} words`;
    status.textContent = 'Restored the text this browser had not sent yet.';
    void save(unsaved.seen);
  } else if (unsaved) {
    conflict.replaceChildren(h('div', { class: 'msg msg-warn', role: 'status' },
      h('p', {}, 'This browser holds text for this section that was never sent, and the section is no longer a draft:'),
      h('pre', {}, unsaved.text)));
  }
  const submit = h('button', { class: 'button secondary', id: 'narrative-submit', disabled: !editable, onclick: async () => {
    try {
      version = (await ws.moveSection(round, iso3, sectionId, { to: 'submitted' }, version)).version;
      status.textContent = 'Submitted for review.';
      text.disabled = true;
    } catch (err) { status.textContent = (err as Error).message; }
  } }, 'Submit the section');
  view.append(
    h('h1', {}, `${section.title}: ${work.name}`),
    workspaceNav('work', round, isIndexTeam(me)),
    h('p', { class: 'note' }, h('a', { href: links.score(round, iso3) }, `← Scores of ${work.name}`), ' · ', stateBadge(section.state)),
    conflict,
    h('div', { class: 'narrative-layout' },
      h('section', { class: 'panel' }, h('label', { class: 'field', for: 'narrative-text' }, h('span', {}, 'Markdown ', words), text),
        h('p', { class: 'note', id: 'narrative-help' }, 'Paragraphs are separated by a blank line; lines within one are joined, as profile import does. Do not add headings: the section has its own.'),
        h('div', { class: 'cell-foot' }, status, submit)),
      h('section', { class: 'panel', 'aria-labelledby': 'preview-h' }, h('h2', { id: 'preview-h' }, 'As the profile prints it'), preview)),
    section.baseline_text ? h('details', { class: 'panel' }, h('summary', {}, 'Last edition\'s text'), h('div', { class: 'prose' }, ...section.baseline_text.split(/\n\s*\n/).map((p) => h('p', {}, p)))) : '');
}
