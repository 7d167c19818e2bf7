// The one draft queue of the signed-in user (draft-queue.ts) on localStorage, sending
// through the API. Any page may replay it: the explorer does at start-up when drafts
// are waiting, so a tab closed mid-draft delivers it the next time the site opens.
import { ApiError } from '../api';
import { ws } from './client';
import { backoff, DraftQueue, type QueueEvents, type QueuedDraft, type SendResult } from './draft-queue';

const PREFIX = 'ocindex.drafts.';
const queues = new Map<string, DraftQueue>();
const listeners = new Set<QueueEvents>();
let failures = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

async function send(d: QueuedDraft): Promise<SendResult> {
  const b = d.body;
  try {
    const written = await ws.submit(d.round, d.iso3, d.indicator, {
      score: b.score as number, justification: b.justification, sources: b.sources, confidence: b.confidence,
      change_reason: b.change_reason,
    }, d.seen);
    return { version: written.version };
  } catch (err) {
    return { status: err instanceof ApiError ? err.status : 0, message: (err as Error).message };
  }
}

const events: QueueEvents = {
  saved: (d, v) => { failures = 0; for (const l of listeners) l.saved?.(d, v); },
  parked: (d) => { for (const l of listeners) l.parked?.(d); },
  offline: (d, m) => { for (const l of listeners) l.offline?.(d, m); },
};

export function draftQueue(user: string): DraftQueue {
  let q = queues.get(user);
  if (!q) {
    q = new DraftQueue(localStorage, PREFIX + user, send, events);
    queues.set(user, q);
  }
  return q;
}

/** Sends the user's queue now; after a network failure, again with backoff. Returns that delay, else 0. */
export async function flushDrafts(user: string): Promise<number> {
  clearTimeout(timer);
  const outcome = await draftQueue(user).flush();
  if (outcome !== 'offline') return 0;  // done, or signed out: sent after signing in
  failures += 1;
  const delay = backoff(failures);
  timer = setTimeout(() => { void flushDrafts(user); }, delay);
  return delay;
}

export function listen(l: QueueEvents): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Whether any drafts wait in this browser (read without asking the server). */
export function draftsWaiting(): boolean {
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i) ?? '';
    if (key.startsWith(PREFIX) && localStorage.getItem(key) !== '[]') return true;
  }
  return false;
}

window.addEventListener('online', () => { for (const u of queues.keys()) void flushDrafts(u); });
