// Table sorting shared by the rankings: by a number or a text, ascending or descending,
// rows without a value last either way, ties by name.

/** `rows` sorted by `key` (null: no value, always last); ties and the missing by name. */
export function sortRows<T extends { name: string }>(rows: T[], key: (row: T) => string | number | null, ascending: boolean): T[] {
  return [...rows].sort((a, b) => {
    const x = key(a), y = key(b);
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.name.localeCompare(b.name);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return (ascending ? c : -c) || a.name.localeCompare(b.name);
  });
}
