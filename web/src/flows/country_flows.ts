// The "Flows" section of the country page: the country's roles and flows read from its
// stored narratives, each with the sentence it came from, and the flows other
// narratives report through it.
import { h } from '../dom';
import { flowsApi, type Place, type Statement } from './api';
import { marketColours, marketLabel } from './arcs';
import { marketNames } from './flow_map';

const places = (list: Place[] | undefined) => (list ?? []).map((p) => p.name).join(', ');

function flowText(s: Statement): string {
  const stops = [places(s.origins), ...(s.via ?? []).map((p) => p.name), places(s.destinations)];
  const extra = [s.modes?.length ? `by ${s.modes.join('/')}` : '', s.crossings?.length ? `at ${s.crossings.join('; ')}` : '', s.route ?? ''].filter(Boolean);
  return stops.join(' → ') + (extra.length ? ` (${extra.join(', ')})` : '');
}

function quote(s: Statement): HTMLElement {
  const e = s.evidence[0];
  return h('details', {}, h('summary', {}, `Evidence (${s.hedged ? 'hedged, ' : ''}confidence ${s.confidence.toFixed(2)})`),
    h('blockquote', {}, e?.text ?? ''), h('p', { class: 'note' }, `${e?.section ?? ''}, sentence ${e?.sentence ?? ''}`));
}

export async function flowsSection(iso3: string): Promise<HTMLElement> {
  const section = h('section', { class: 'panel', id: 'flows' }, h('h2', {}, 'Flows read from the narrative'));
  try {
    const [data, names, graph] = await Promise.all([flowsApi.country(iso3), marketNames(), flowsApi.graph()]);
    const statements = data.narratives.flatMap((n) => n.statements.filter((s) => !s.negated).map((s) => ({ ...s, edition: n.edition })));
    const roles = statements.filter((s) => s.kind === 'role');
    const flows = statements.filter((s) => s.kind === 'flow');
    // The flow map's colours: computed over every market of the graph.
    const colours = marketColours(graph.markets);
    const label = (id: string | undefined) => marketLabel(id ?? '', names);
    if (data.narratives.length === 0) {
      section.append(h('p', { class: 'note' }, `No narrative of ${data.name} is stored.`));
    } else {
      const byMarket = new Map<string, Set<string>>();
      for (const r of roles) byMarket.set(r.market ?? '', (byMarket.get(r.market ?? '') ?? new Set()).add(r.role ?? ''));
      section.append(
        h('h3', {}, 'Roles'),
        h('ul', { class: 'flow-roles' }, ...[...byMarket].map(([m, rs]) => h('li', { 'data-market': m }, h('strong', {}, label(m)), `: ${[...rs].join(', ')}`))),
        h('h3', {}, 'Flows'),
        h('ul', { class: 'flow-list' }, ...flows.map((f) => h('li', { 'data-market': f.market ?? '' },
          h('span', { class: 'swatch', style: `background:${colours.get(f.market ?? '') ?? '#444'}` }),
          h('strong', {}, label(f.market)), ` ${f.edition}: ${flowText(f)}`, quote(f)))));
    }
    const others = data.edges.filter((e) => !e.countries.includes(data.iso3));
    if (others.length) {
      section.append(h('h3', {}, 'Reported by other narratives'),
        h('ul', {}, ...others.map((e) => h('li', {}, `${label(e.market)}: ${e.from_name} → ${e.to_name} (${e.countries.join(', ')})`))));
    }
    section.append(h('p', { class: 'note' }, h('a', { href: '#/flows' }, 'Open the flow map')));
  } catch (err) {
    section.append(h('p', { class: 'note' }, `Flows are not available: ${(err as Error).message}`));
  }
  return section;
}
