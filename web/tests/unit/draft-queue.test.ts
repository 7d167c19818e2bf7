import { describe, expect, it } from 'vitest';
import { backoff, DraftQueue, wordCount, type KeyValueStore, type QueuedDraft, type SendResult } from '../../src/workspace/draft-queue';

class Memory implements KeyValueStore {
  data = new Map<string, string>();
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { this.data.set(k, v); }
}

const body = (score: number | null, justification = 'Court records.') => ({ score, justification, sources: [], confidence: 3, change_reason: '' });
const draft = (indicator: string, score: number | null, seen = 0) => ({ round: 'r', iso3: 'KAZ', indicator, seen, body: body(score) });

describe('DraftQueue', () => {
  it('keeps a draft in storage before sending, and a new queue on the same storage finds it', () => {
    const store = new Memory();
    new DraftQueue(store, 'k', async () => ({ version: 1 })).put(draft('a', 5));
    const reopened = new DraftQueue(store, 'k', async () => ({ version: 1 }));
    expect(reopened.all().map((d) => d.body.score)).toEqual([5]);
  });

  it('replaces an unsent draft of the same cell and keeps other cells', () => {
    const q = new DraftQueue(new Memory(), 'k', async () => ({ version: 1 }));
    q.put(draft('a', 5));
    q.put(draft('b', 6));
    q.put(draft('a', 7));
    expect(q.all().map((d) => `${d.indicator}=${d.body.score}`).sort()).toEqual(['a=7', 'b=6']);
  });

  it('sends complete drafts with the version seen, drops them once saved, and holds incomplete ones', async () => {
    const sent: QueuedDraft[] = [];
    const q = new DraftQueue(new Memory(), 'k', async (d) => { sent.push(d); return { version: d.seen + 1 }; });
    q.put(draft('a', 5, 3));
    q.put({ ...draft('b', null), body: body(null) });
    expect(await q.flush()).toBe('done');
    expect(sent.map((d) => [d.indicator, d.seen])).toEqual([['a', 3]]);
    expect(q.all().map((d) => d.indicator)).toEqual(['b']);
  });

  it('stops on a network failure and keeps the draft for the retry', async () => {
    let online = false;
    const q = new DraftQueue(new Memory(), 'k', async (): Promise<SendResult> => (online ? { version: 2 } : { status: 0, message: 'offline' }));
    q.put(draft('a', 5));
    expect(await q.flush()).toBe('offline');
    expect(q.all()).toHaveLength(1);
    online = true;
    expect(await q.flush()).toBe('done');
    expect(q.all()).toHaveLength(0);
  });

  it('parks a draft the server refused as stale until it is queued again', async () => {
    let calls = 0;
    const parked: QueuedDraft[] = [];
    const q = new DraftQueue(new Memory(), 'k', async () => { calls++; return { status: 412, message: 'stale' }; }, { parked: (d) => parked.push(d) });
    q.put(draft('a', 5));
    await q.flush();
    await q.flush();
    expect(calls).toBe(1);
    expect(parked[0].problem?.status).toBe(412);
    q.put(draft('a', 5, 4));  // the expert keeps their draft on the new version
    expect(q.all()[0].problem).toBeUndefined();
  });

  it('writes a draft queued while the previous one was on its way on the new version', async () => {
    const store = new Memory();
    let q!: DraftQueue;
    const seen: number[] = [];
    q = new DraftQueue(store, 'k', async (d) => {
      seen.push(d.seen);
      if (seen.length === 1) q.put(draft('a', 8, d.seen));  // typed during the request
      return { version: d.seen + 1 };
    });
    q.put(draft('a', 5, 1));
    await q.flush();
    expect(seen).toEqual([1, 2]);
    expect(q.all()).toHaveLength(0);
  });
});

describe('helpers', () => {
  it('counts words and backs off to 30 s', () => {
    expect(wordCount('  two  words\n')).toBe(2);
    expect(wordCount('')).toBe(0);
    expect([1, 2, 3, 10].map(backoff)).toEqual([1000, 2000, 4000, 30000]);
  });
});
