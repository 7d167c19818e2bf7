// Which countries the measure view shows and in what order: the place filters and the
// search keep rows, the sort orders them (ties, and equal values, by name). Pure.
import type { SortKey } from './state';

export interface PlacedRow { iso3: string; name: string; continent: string; region: string; value: number | null; ranks: { world: { position: number } | null } }

export function keptRows<T extends PlacedRow>(rows: T[], continent: string, region: string, found: Set<string> | null): T[] {
  return rows.filter((r) => (!continent || r.continent === continent) && (!region || r.region === region) && (!found || found.has(r.iso3)));
}

/** Rows by world rank, name or value; unranked and not-assessed rows last either way. */
export function orderedRows<T extends PlacedRow>(rows: T[], key: SortKey, ascending: boolean): T[] {
  const value = (r: T): number | string | null => key === 'name' ? r.name : key === 'rank' ? r.ranks.world?.position ?? null : r.value;
  return [...rows].sort((a, b) => {
    const x = value(a), y = value(b);
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return (ascending ? c : -c) || a.name.localeCompare(b.name);
  });
}
