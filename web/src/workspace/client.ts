// The workspace's HTTP client: API v1 only, never cached, the session cookie sent by
// the browser and the CSRF token (from sign-in) on every write; item writes carry the
// version last read as If-Match. Types come from the OpenAPI document.
import type { components } from '../generated/api-types';
import { ApiError } from '../api';

export type Schemas = components['schemas'];
export type Session = Schemas['Session'];
export type RoundInfo = Schemas['Round'];
export type Worklist = Schemas['Worklist'];
export type WorkItem = Worklist['items'][number];
export type Cell = Schemas['Cell'];
export type CountryWork = Schemas['CountryWork'];
export type WorkCell = CountryWork['cells'][number];
export type WorkSection = CountryWork['sections'][number];
export type CountryPreview = Schemas['CountryPreview'];
export type Calibration = Schemas['Calibration'];
export type Progress = Schemas['RoundProgress'];
export type PublicationPreview = Schemas['PublicationPreview'];
export type Trail = Schemas['Trail'];
export type Submission = Schemas['Submission'];

const CSRF_KEY = 'ocindex.csrf';

/** The CSRF token of this browser's session. Kept in localStorage so a reopened tab can still write
 * (the server stores only its digest and cannot repeat it); without the HttpOnly cookie it is worthless. */
export const csrf = {
  get: () => localStorage.getItem(CSRF_KEY) ?? '',
  set: (token: string) => localStorage.setItem(CSRF_KEY, token),
  clear: () => localStorage.removeItem(CSRF_KEY),
};

export interface CallOptions { body?: unknown; version?: number }

// Reads started early (prefetch): a page's first GET of the same path takes the answer.
const early = new Map<string, Promise<unknown>>();
let recording = false;

/** Starts the GETs `reads` makes now and keeps their answers for the page that will make
 *  them; main.ts calls it beside loading a page's code, so the two overlap. Answers kept
 *  for an earlier page and never taken are dropped. */
export function prefetch(reads: () => void): void {
  early.clear();
  recording = true;
  try {
    reads();
  } finally {
    recording = false;
  }
}

/** A workspace request; throws ApiError with the status (0 when no answer came). */
export function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  if (method === 'GET' && !recording) {
    const kept = early.get(path);
    if (kept) {
      early.delete(path);
      return kept as Promise<T>;
    }
  }
  const answer = send<T>(method, path, options);
  if (recording) {
    answer.catch(() => {});  // the page that takes it handles the error
    early.set(path, answer);
  }
  return answer;
}

async function send<T>(method: string, path: string, options: CallOptions): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf.get();
  if (options.version !== undefined) headers['If-Match'] = `"v${options.version}"`;
  let res: Response;
  try {
    res = await fetch(`api/v1/${path}`, {
      method, headers, cache: 'no-store', credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (err) {
    throw new ApiError(`no answer from the server (${(err as Error).message})`, 0);
  }
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(body?.error?.message ?? `${res.status} ${res.statusText}`, res.status);
  return body as T;
}

const enc = encodeURIComponent;
export const ws = {
  session: () => call<Schemas['Account']>('GET', 'session'),
  signIn: (user: string, password: string) => call<Session>('POST', 'session', { body: { user, password } }),
  signOut: () => call<unknown>('DELETE', 'session'),
  password: (current: string, next: string) => call<unknown>('PUT', 'session/password', { body: { current, new: next } }),
  tokens: () => call<Schemas['Tokens']>('GET', 'tokens'),
  issueToken: (label: string) => call<Schemas['IssuedToken']>('POST', 'tokens', { body: { label } }),
  revokeToken: (id: string) => call<unknown>('DELETE', `tokens/${enc(id)}`),
  rounds: () => call<Schemas['Rounds']>('GET', 'rounds').then((r) => r.rounds),
  round: (r: string) => call<RoundInfo>('GET', `rounds/${enc(r)}`),
  createRound: (body: Schemas['NewRound']) => call<RoundInfo>('POST', 'rounds', { body }),
  assign: (r: string, body: Schemas['Assignments']) => call<RoundInfo>('PUT', `rounds/${enc(r)}/assignments`, { body }),
  roundRobin: (r: string, body: Schemas['RoundRobin']) => call<RoundInfo>('POST', `rounds/${enc(r)}/assignments/round-robin`, { body }),
  phase: (r: string, to: string, reason?: string) => call<RoundInfo>('POST', `rounds/${enc(r)}/phase`, { body: { to, reason } }),
  worklist: (r: string) => call<Worklist>('GET', `rounds/${enc(r)}/worklist`),
  progress: (r: string) => call<Progress>('GET', `rounds/${enc(r)}/progress`),
  country: (r: string, iso3: string) => call<CountryWork>('GET', `rounds/${enc(r)}/countries/${enc(iso3)}`),
  preview: (r: string, iso3: string) => call<CountryPreview>('GET', `rounds/${enc(r)}/countries/${enc(iso3)}/preview`),
  calibration: (r: string, indicator: string, region: string) =>
    call<Calibration>('GET', `rounds/${enc(r)}/calibration/${enc(indicator)}${region ? `?region=${enc(region)}` : ''}`),
  cell: (r: string, iso3: string, indicator: string) => call<Cell>('GET', `rounds/${enc(r)}/cells/${enc(iso3)}/${enc(indicator)}`),
  submit: (r: string, iso3: string, indicator: string, body: Submission, version: number) =>
    call<Schemas['Written']>('PUT', `rounds/${enc(r)}/cells/${enc(iso3)}/${enc(indicator)}/submission`, { body, version }),
  move: (r: string, iso3: string, indicator: string, body: Schemas['Transition'], version: number) =>
    call<Schemas['Written']>('POST', `rounds/${enc(r)}/cells/${enc(iso3)}/${enc(indicator)}/transition`, { body, version }),
  thread: (r: string, iso3: string, indicator: string, text: string) =>
    call<Schemas['ThreadId']>('POST', `rounds/${enc(r)}/cells/${enc(iso3)}/${enc(indicator)}/threads`, { body: { text } }),
  reply: (r: string, thread: number, text: string) => call<Schemas['ThreadId']>('POST', `rounds/${enc(r)}/threads/${thread}/replies`, { body: { text } }),
  writeSection: (r: string, iso3: string, section: string, text: string, version: number) =>
    call<Schemas['Written']>('PUT', `rounds/${enc(r)}/sections/${enc(iso3)}/${enc(section)}/text`, { body: { text }, version }),
  moveSection: (r: string, iso3: string, section: string, body: Schemas['Transition'], version: number) =>
    call<Schemas['Written']>('POST', `rounds/${enc(r)}/sections/${enc(iso3)}/${enc(section)}/transition`, { body, version }),
  publicationPreview: (r: string) => call<PublicationPreview>('GET', `rounds/${enc(r)}/publication/preview`),
  publish: (r: string) => call<Schemas['Publication']>('POST', `rounds/${enc(r)}/publication`),
  trail: (query: URLSearchParams) => call<Trail>('GET', `trail?${query}`),
};
