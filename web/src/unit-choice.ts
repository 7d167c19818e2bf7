// Choosing a unit by what was typed, when units may share a name (two municipalities
// called San Pedro): a shared name is offered and linked by its code, and a name that
// several units answer to picks none of them, as the API and the CLI do.

export interface Unit { iso3: string; name: string }

/** Names two or more of `units` share. */
function sharedNames(units: Unit[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const u of units) (seen.has(u.name) ? shared : seen).add(u.name);
  return shared;
}

/** A datalist's options: a unit's name, or its code (labelled with the name) when units share the name. */
export function unitOptions(units: Unit[]): { value: string; label: string }[] {
  const shared = sharedNames(units);
  return units.map((u) => (shared.has(u.name) ? { value: u.iso3, label: `${u.name} (${u.iso3})` } : { value: u.name, label: u.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Labels for a list of units: the name, with the code when the list repeats the name. */
export function unitLabels(units: Unit[]): string[] {
  const shared = sharedNames(units);
  return units.map((u) => (shared.has(u.name) ? `${u.name} (${u.iso3})` : u.name));
}

/**
 * The unit the search's answer (`found`, best first) picks among the ones `allowed`:
 * the one whose code was typed, else the best match; `ambiguous` lists the units when
 * the best match's name is shared by the next one, so no unit is picked at random.
 */
export function chooseUnit(found: Unit[], typed: string, allowed: (iso3: string) => boolean): { unit: Unit | null; ambiguous: Unit[] } {
  const hits = found.filter((u) => allowed(u.iso3));
  const code = typed.trim().toUpperCase();
  const exact = hits.find((u) => u.iso3 === code);
  if (exact) return { unit: exact, ambiguous: [] };
  const same = hits.filter((u) => u.name === hits[0].name);
  if (same.length > 1) return { unit: null, ambiguous: same };
  return { unit: hits[0] ?? null, ambiguous: [] };
}

/** What to say when a typed name is several units': the way the API says it. */
export function ambiguityMessage(typed: string, units: Unit[]): string {
  return `'${typed.trim()}' names ${units.length} units: ${units.map((u) => `${u.iso3} (${u.name})`).join(', ')}; give a code`;
}
