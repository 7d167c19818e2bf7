// Picking countries out (the measure view's chart and map, the matrix): a field that
// finds a country by the core's search (accents folded, aliases known) and the picked
// countries as chips, each with a button that drops it.
import { api } from './api';
import { h } from './dom';

/** The field and the chips; `onToggle` gets an ISO3 to add or drop. Call `show` with the picks whenever they change. */
export function countryPicker(names: Map<string, string>, onToggle: (iso3: string) => void): { field: HTMLElement; chips: HTMLElement; show: (picked: string[]) => void } {
  let current: string[] = [];
  const input = h('input', { type: 'search', list: 'pick-countries', id: 'pick-add', placeholder: 'Type a country name' });
  const add = async () => {
    const hit = (await api.searchCountries(input.value)).countries.find((c) => names.has(c.iso3));
    if (hit && !current.includes(hit.iso3)) { input.value = ''; onToggle(hit.iso3); }
  };
  input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') void add(); });
  const chips = h('ul', { class: 'chips', 'aria-label': 'Countries picked out', id: 'picked' });
  const field = h('div', { class: 'row' },
    h('label', { class: 'field' }, h('span', {}, 'Pick out a country'), input),
    h('datalist', { id: 'pick-countries' }, ...[...names.values()].sort().map((n) => h('option', { value: n }))),
    h('button', { class: 'button', onclick: add }, 'Pick'));
  return {
    field, chips,
    show: (picked) => {
      current = picked;
      chips.replaceChildren(...picked.map((c) => h('li', {}, names.get(c) ?? c,
        h('button', { class: 'chip-x', 'aria-label': `Stop picking out ${names.get(c) ?? c}`, onclick: () => onToggle(c) }, '×'))));
    },
  };
}
