// The measure view's share panel: a link to exactly this view, a link to its chart alone
// (the embed), the chart saved as SVG or PNG, and the table as the API's described CSV
// (its definition, edition and source above the figures: docs/API.md, "Files").
import { measureCsvHref } from '../api';
import { h } from '../dom';
import { exportButtons } from '../chart-export';
import { grapherHash, type GrapherState } from './state';

const absolute = (hash: string) => `${location.origin}${location.pathname}${hash}`;
// The embed is the /embed document, which other sites may put in an iframe.
const embedded = (hash: string) => `${new URL('embed', location.href.split('#')[0]).href}${hash}`;

function linkField(label: string, id: string): { field: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { type: 'text', readonly: true, id, class: 'link-field' });
  const copy = h('button', { class: 'button secondary', onclick: async () => {
    input.select();
    await navigator.clipboard?.writeText(input.value).catch(() => {});
  } }, 'Copy');
  return { field: h('div', { class: 'field grow' }, h('label', { for: id }, label), h('div', { class: 'row' }, input, copy)), input };
}

/** The panel, and `update` to call whenever the state changes. */
export function sharePanel(edition: number, name: string): { panel: HTMLElement; update: (s: GrapherState) => void } {
  const share = linkField('Share link (this view)', 'share-link');
  const embed = linkField('Embed link (the chart alone)', 'embed-link');
  const csv = h('a', { class: 'button', id: 'grapher-csv', download: '' }, 'Download CSV');
  const saved = h('div', { class: 'row' });
  const panel = h('section', { class: 'panel share', 'aria-label': 'Share and download' }, h('div', { class: 'controls' }, share.field, embed.field), saved);
  return {
    panel,
    update: (s) => {
      share.input.value = absolute(grapherHash(s));
      embed.input.value = embedded(grapherHash(s, true));
      csv.setAttribute('href', measureCsvHref(edition, s.measure, { continent: s.continent, region: s.region }));
      const chart = () => document.querySelector<SVGSVGElement>(s.tab === 'map' ? '#grapher-map' : '#grapher-chart');
      saved.replaceChildren(...(s.tab === 'table' ? [] : [h('span', { class: 'note' }, `Save the ${s.tab}:`), exportButtons(chart, `ocindex-${s.measure}-${edition}-${s.tab}`, `the ${s.tab} of ${name}`)]), csv);
    },
  };
}
