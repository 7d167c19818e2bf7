// The scoring page's autosave: every draft goes into a queue kept in localStorage before
// it is sent, so a closed tab, a crash or a dropped connection loses nothing; the queue
// is replayed when the page opens again. A draft replaces an unsent one of the same
// cell. Sending stops at the first network failure (retried with backoff) or when the
// session has ended (401: resumed after signing in); a 412
// (the cell changed elsewhere) or a refusal (422, 409, 403) parks the draft for the
// expert to resolve. Pure apart from the storage and sender it is given: unit-tested.

export interface DraftBody {
  score: number | null;
  justification: string;
  sources: string[];
  confidence: number;
  change_reason: string;
}

export interface QueuedDraft {
  round: string;
  iso3: string;
  indicator: string;
  seen: number;  // the cell's version the expert last read: If-Match
  body: DraftBody;
  queued: number;  // a sequence number, not a time
  problem?: { status: number; message: string };  // parked: not sent until changed
}

export interface KeyValueStore { getItem(key: string): string | null; setItem(key: string, value: string): void }

/** What sending a draft came to: the new version, or the HTTP status (0: no answer) and message. */
export type SendResult = { version: number } | { status: number; message: string };

export const cellId = (d: { round: string; iso3: string; indicator: string }) => `${d.round}/${d.iso3}/${d.indicator}`;

/** Whether the server could accept it: a score and a justification (the other rules are the server's). */
export const complete = (b: DraftBody) => b.score !== null && b.justification.trim() !== '';

export function wordCount(text: string): number {
  return text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
}

export interface QueueEvents {
  saved?: (draft: QueuedDraft, version: number) => void;
  parked?: (draft: QueuedDraft) => void;
  offline?: (draft: QueuedDraft, message: string) => void;
}

export class DraftQueue {
  private sending = false;

  constructor(private readonly store: KeyValueStore, private readonly key: string,
              private readonly send: (d: QueuedDraft) => Promise<SendResult>, private readonly events: QueueEvents = {}) {}

  all(): QueuedDraft[] {
    try {
      const parsed = JSON.parse(this.store.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }

  find(cell: string): QueuedDraft | undefined { return this.all().find((d) => cellId(d) === cell); }

  /** Queues a draft (replacing an unsent one of the cell) and stores the queue at once. */
  put(draft: Omit<QueuedDraft, 'queued'>): QueuedDraft {
    const drafts = this.all();
    const queued = drafts.reduce((max, d) => Math.max(max, d.queued), 0) + 1;
    const entry: QueuedDraft = { ...draft, queued };
    this.save([...drafts.filter((d) => cellId(d) !== cellId(draft)), entry]);
    return entry;
  }

  drop(cell: string): void { this.save(this.all().filter((d) => cellId(d) !== cell)); }

  /** Sends what can be sent, oldest first: 'done', or why it stopped with drafts left. */
  async flush(): Promise<'done' | 'offline' | 'signed-out'> {
    if (this.sending) return 'done';
    this.sending = true;
    try {
      for (;;) {
        const next = this.all().filter((d) => !d.problem && complete(d.body)).sort((a, b) => a.queued - b.queued)[0];
        if (!next) return 'done';
        const result = await this.send(next);
        const now = this.all();
        const current = now.find((d) => cellId(d) === cellId(next));
        if ('version' in result) {
          // A newer draft of the cell queued while this one was on its way is written on the new version.
          if (current && current.queued !== next.queued) {
            this.save(now.map((d) => (d === current ? { ...d, seen: result.version } : d)));
          } else {
            this.save(now.filter((d) => d !== current));
          }
          this.events.saved?.(next, result.version);
        } else if (result.status === 0 || result.status >= 500 || result.status === 429) {
          this.events.offline?.(next, result.message);
          return 'offline';
        } else if (result.status === 401) {
          this.events.offline?.(next, result.message);
          return 'signed-out';
        } else {
          const parked = { ...(current ?? next), problem: { status: result.status, message: result.message } };
          if (current?.queued === next.queued || !current) {
            this.save([...now.filter((d) => cellId(d) !== cellId(next)), parked]);
          }
          this.events.parked?.(parked);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  private save(drafts: QueuedDraft[]): void { this.store.setItem(this.key, JSON.stringify(drafts)); }
}

/** Retry delays after network failures: 1 s doubling to 30 s. */
export function backoff(failures: number): number { return Math.min(30000, 1000 * 2 ** Math.max(0, failures - 1)); }
