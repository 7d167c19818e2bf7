// Client for the ocindex JSON API v1 (API-CONTRACT.md / docs/API.md). Responses are cached per URL for the session.

export interface Rank { position: number; of: number; tied: boolean }
export interface Ranks { world: Rank; continent: Rank; region: Rank }
export interface Country { iso3: string; name: string; continent: string; region: string }
export interface Measure { id: string; name: string; kind: string; definition?: string; children?: Measure[] }
export interface Framework {
  edition: number; id: string; name: string; decimals: number;
  scale: { min: number; max: number; step: number };
  quadrant: { x: string; y: string; threshold: number };
  measures: Measure[];
}
export interface Edition { edition: number; framework: string; name: string; countries: number; latest: boolean }
export interface ScoreRow extends Country { values: Record<string, number | null> }
export interface RankRow extends Country { value: number | null; ranks: Ranks }
export interface ProfileMeasure {
  id: string; name: string; kind: string; parent: string | null; value: number | null; ranks: Ranks | null;
  means: { world: number | null; continent: number | null; region: number | null };
  change: null | { previous: number | null; delta: number | null; rank_change: { world: number; continent: number; region: number } | null };
}
export interface Profile extends Country {
  edition: number; previous_edition: number | null;
  quadrant: { label: string; criminality_high: boolean; resilience_high: boolean };
  measures: ProfileMeasure[];
}
export interface ChangeRow extends Country {
  from: number | null; to: number | null; delta: number | null; rank_from: number | null; rank_to: number | null; rank_change: number | null;
}
export interface Changes { from: number; to: number; measure: string; basis: string; note: string; rows: ChangeRow[] }
export interface CompareResult { edition: number; countries: Country[]; measures: { id: string; name: string; kind: string; values: Record<string, number | null> }[] }

export interface NarrativeSection { id: string; title: string; heading: string; paragraphs: string[] }
export interface Narrative extends Country {
  edition: number;
  revision: { number: number; author: string; stored_at: string; note: string };
  sections: NarrativeSection[]; footer: string; provenance: string;
}

/** `status` is the HTTP status (0 when the request never got an answer). */
export class ApiError extends Error {
  constructor(message: string, readonly status = 0) { super(message); }
}

const cache = new Map<string, Promise<unknown>>();

export function get<T>(path: string): Promise<T> {
  const url = `api/v1/${path}`;
  let hit = cache.get(url);
  if (!hit) {
    hit = fetch(url).then(async (res) => {
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new ApiError(body?.error?.message ?? `${res.status} ${res.statusText}`, res.status);
      return body;
    });
    hit.catch(() => cache.delete(url));
    cache.set(url, hit);
  }
  return hit as Promise<T>;
}

export const api = {
  editions: () => get<{ editions: Edition[] }>('editions').then((r) => r.editions),
  framework: (e: number) => get<Framework>(`editions/${e}/framework`),
  scores: (e: number) => get<{ measures: string[]; rows: ScoreRow[] }>(`editions/${e}/scores`),
  ranks: (e: number, measure: string) => get<{ rows: RankRow[] }>(`editions/${e}/ranks?measure=${encodeURIComponent(measure)}`),
  country: (e: number, iso3: string) => get<Profile>(`editions/${e}/countries/${encodeURIComponent(iso3)}`),
  narrative: (e: number, iso3: string) => get<Narrative>(`editions/${e}/countries/${encodeURIComponent(iso3)}/narrative`),
  compare: (e: number, iso3s: string[]) => get<CompareResult>(`editions/${e}/compare?countries=${iso3s.join(',')}`),
  changes: (from: number, to: number, measure: string, basis: string) =>
    get<Changes>(`changes?from=${from}&to=${to}&measure=${encodeURIComponent(measure)}&basis=${basis}`),
};

/** A group named like its parent (2021's single "Criminal actors" group) repeats the parent's figures: pages show it once. */
export function repeatsParent(kind: string, name: string, parentName: string | undefined): boolean {
  return kind === 'group' && parentName === name;
}

/** Every measure of a framework in tree order, with its depth. */
export function flatten(measures: Measure[], depth = 0, parent: string | null = null): (Measure & { depth: number; parent: string | null })[] {
  return measures.flatMap((m) => [{ ...m, depth, parent }, ...flatten(m.children ?? [], depth + 1, m.id)]);
}
