// Client for the ocindex JSON API v1 (API-CONTRACT.md / docs/API.md). Responses are cached per URL for the session.

// The types are generated from the OpenAPI document at build time (web/tools/api-types.mjs), so
// tsc fails when the explorer and the API drift.
import type { components } from './generated/api-types';

type Schemas = components['schemas'];
export type Ranks = Schemas['ScopedRanks'];
export type Rank = NonNullable<Ranks['world']>;
export type Country = Schemas['Country'];
export type Measure = Schemas['MeasureNode'];
export type Framework = Schemas['Framework'];
export type Edition = Schemas['Edition'];
export type ScoreRow = Schemas['ScoreRow'];
export type RankRow = Schemas['RankRow'];
export type ProfileMeasure = Schemas['ProfileMeasure'];
export type Profile = Schemas['CountryProfile'];
export type Changes = Schemas['Changes'];
export type ChangeRow = Changes['rows'][number];
export type CompareResult = Schemas['Compare'];
export type Narrative = Schemas['Narrative'];
export type NarrativeSection = Narrative['sections'][number];
export type WhatIf = Schemas['WhatIf'];
export type Target = Schemas['Target'];
export type Explain = Schemas['Explain'];
export type WaterfallStep = Explain['waterfall'][number];
export type Peers = Schemas['Peers'];
export type Trace = Peers['trajectories']['countries'][number];
export type Clusters = Schemas['Clusters'];

/** `status` is the HTTP status (0 when the request never got an answer). */
export class ApiError extends Error {
  constructor(message: string, readonly status = 0) { super(message); }
}

const cache = new Map<string, Promise<unknown>>();

// The editions list changes when a round is published (the workspace), so the browser revalidates it
// (a 304 when unchanged) instead of reusing its copy for the hour the server allows.
const revalidated = new Set(['api/v1/editions']);

/** Forgets the answers kept for this page session: after a publication. */
export function forgetCached(): void { cache.clear(); }

export function get<T>(path: string): Promise<T> {
  const url = `api/v1/${path}`;
  let hit = cache.get(url);
  if (!hit) {
    hit = fetch(url, revalidated.has(url) ? { cache: 'no-cache' } : {}).then(async (res) => {
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
  editions: () => get<Schemas['Editions']>('editions').then((r) => r.editions),
  framework: (e: number) => get<Framework>(`editions/${e}/framework`),
  countries: (e: number) => get<Schemas['Countries']>(`editions/${e}/countries`),
  scores: (e: number) => get<Schemas['Scores']>(`editions/${e}/scores`),
  ranks: (e: number, measure: string) => get<Schemas['Ranks']>(`editions/${e}/ranks?measure=${encodeURIComponent(measure)}`),
  country: (e: number, iso3: string) => get<Profile>(`editions/${e}/countries/${encodeURIComponent(iso3)}`),
  narrative: (e: number, iso3: string) => get<Narrative>(`editions/${e}/countries/${encodeURIComponent(iso3)}/narrative`),
  compare: (e: number, iso3s: string[]) => get<CompareResult>(`editions/${e}/compare?countries=${iso3s.join(',')}`),
  changes: (from: number, to: number, measure: string, basis: string) =>
    get<Changes>(`changes?from=${from}&to=${to}&measure=${encodeURIComponent(measure)}&basis=${basis}`),
  /** `changes`: "indicator=value" settings or "indicator=+1" shifts. */
  whatIf: (e: number, iso3: string, changes: string[]) =>
    get<WhatIf>(`editions/${e}/countries/${encodeURIComponent(iso3)}/whatif?change=${changes.map(encodeURIComponent).join(',')}`),
  target: (e: number, iso3: string, goal: string, ties = 3) =>
    get<Target>(`editions/${e}/countries/${encodeURIComponent(iso3)}/target?goal=${encodeURIComponent(goal)}&ties=${ties}`),
  explainCountries: (e: number, a: string, b: string, measure: string) =>
    get<Explain>(`explain?countries=${a},${b}&edition=${e}&measure=${encodeURIComponent(measure)}`),
  explainEditions: (iso3: string, from: number, to: number, measure: string) =>
    get<Explain>(`explain?countries=${iso3}&from=${from}&to=${to}&measure=${encodeURIComponent(measure)}`),
  /** Nearest peers on the indicators under `on`, with the country's and their `trace` across editions. */
  peers: (e: number, iso3: string, on: string, trace = 'criminality', count = 5) =>
    get<Peers>(`editions/${e}/countries/${encodeURIComponent(iso3)}/peers?on=${encodeURIComponent(on)}&trace=${encodeURIComponent(trace)}&count=${count}`),
  clusters: (e: number, on: string) => get<Clusters>(`editions/${e}/clusters?on=${encodeURIComponent(on)}`),
  /** The core's country search (accents folded, aliases known), as the CLI and importers find names. */
  searchCountries: (q: string) => get<Schemas['CountrySearch']>(`countries?q=${encodeURIComponent(q)}`),
};

/** The link of one measure's described CSV (its definition, edition and source above the
 *  figures; criminality and resilience add their rank and score intervals): the file
 *  every CSV button of the explorer downloads, narrowed as the page is. */
export function measureCsvHref(edition: number, measure: string, keep: { continent?: string; region?: string; q?: string; from?: number | null; to?: number | null } = {}): string {
  const q = new URLSearchParams({ measure });
  for (const [key, value] of Object.entries(keep)) if (value !== undefined && value !== null && value !== '') q.set(key, String(value));
  return `api/v1/editions/${edition}/measure.csv?${q}`;
}

/** A group named like its parent (2021's single "Criminal actors" group) repeats the parent's figures: pages show it once. */
export function repeatsParent(kind: string, name: string, parentName: string | undefined): boolean {
  return kind === 'group' && parentName === name;
}

/** Whether a profile measure sits beneath `ancestor` (by parent links). */
export function isUnder(all: ProfileMeasure[], m: ProfileMeasure, ancestor: string): boolean {
  for (let cur: ProfileMeasure | undefined = m; cur; cur = all.find((x) => x.id === cur!.parent)) if (cur.parent === ancestor) return true;
  return false;
}

/** Every measure of a framework in tree order, with its depth. */
export function flatten(measures: Measure[], depth = 0, parent: string | null = null): (Measure & { depth: number; parent: string | null })[] {
  return measures.flatMap((m) => [{ ...m, depth, parent }, ...flatten(m.children ?? [], depth + 1, m.id)]);
}
