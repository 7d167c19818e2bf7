// Picking countries out (the measure view's chart and map, the matrix): a field that
// finds a country by the core's search (accents folded, aliases known) and the picked
// countries as chips, each with a button that drops it.
import { api } from './api';
import { h } from './dom';
import { ambiguityMessage, chooseUnit, type Unit, unitOptions } from './unit-choice';

// Beyond this many units a datalist slows typing more than it helps; the core's search still finds what is typed.
const MAX_OFFERED = 5000;

/** A datalist of `units`: a name units share is offered by its code, labelled with the name. */
export function unitDatalist(id: string, units: Unit[]): HTMLElement {
  const offered = units.length <= MAX_OFFERED ? unitOptions(units) : [];
  return h('datalist', { id }, ...offered.map((o) => h('option', { value: o.value, label: o.label })));
}

/** The code of the unit typed in `input` among those `allowed`, by the core's search; a name several units share picks none and says so on the field. */
export async function typedUnit(input: HTMLInputElement, allowed: (iso3: string) => boolean): Promise<string | null> {
  const typed = input.value;
  const { unit, ambiguous } = chooseUnit((await api.searchCountries(typed)).countries, typed, allowed);
  input.setCustomValidity(ambiguous.length ? ambiguityMessage(typed, ambiguous) : '');
  if (ambiguous.length) input.reportValidity();
  return unit?.iso3 ?? null;
}

/** The field and the chips; `onToggle` gets an ISO3 to add or drop. Call `show` with the picks whenever they change. */
export function countryPicker(names: Map<string, string>, onToggle: (iso3: string) => void): { field: HTMLElement; chips: HTMLElement; show: (picked: string[]) => void } {
  let current: string[] = [];
  const input = h('input', { type: 'search', list: 'pick-countries', id: 'pick-add', placeholder: 'Type a country name' });
  const add = async () => {
    const hit = await typedUnit(input, (c) => names.has(c));
    if (hit && !current.includes(hit)) { input.value = ''; onToggle(hit); }
  };
  input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') void add(); });
  const chips = h('ul', { class: 'chips', 'aria-label': 'Countries picked out', id: 'picked' });
  const field = h('div', { class: 'row' },
    h('label', { class: 'field' }, h('span', {}, 'Pick out a country'), input),
    unitDatalist('pick-countries', [...names].map(([iso3, name]) => ({ iso3, name }))),
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
