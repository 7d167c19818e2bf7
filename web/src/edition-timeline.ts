// The editions as steps on a line (2021 → 2023 → 2025; another index's apart), the current one marked: a radio
// group, so the arrow keys step through time. The map and the rankings use it in place of
// a drop-down; after the page redraws for the new edition, focus is back on the timeline.
import type { Edition } from './api';
import { h } from './dom';

let refocus = false;

export function editionTimeline(editions: Edition[], value: number, onChange: (edition: number) => void): HTMLElement {
  const group = h('fieldset', { class: 'timeline', id: 'edition-timeline' }, h('legend', {}, 'Edition'));
  editions.forEach(({ edition, previous, name }, k) => {
    const input = h('input', { type: 'radio', name: 'edition', value: edition, id: `edition-${edition}`, checked: edition === value });
    input.addEventListener('change', () => { refocus = true; onChange(edition); });
    // An edition that does not follow the one before it (its `previous`) starts another index: no arrow.
    const follows = k === 0 || previous === editions[k - 1].edition;
    group.append(h('label', { class: follows ? 'timeline-step' : 'timeline-step another-index', title: follows ? undefined : name }, input, h('span', {}, String(edition))));
    if (refocus && edition === value) requestAnimationFrame(() => { refocus = false; input.focus(); });
  });
  return group;
}
