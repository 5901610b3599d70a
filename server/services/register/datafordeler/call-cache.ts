// What the Datafordeler adapter has read for each call (one verification): a person and their
// relatives are looked up once per call and reused across its answers, in memory only, and dropped
// when the call ends (endCall) or times out (its `until`, moved on with each answer). Bounded: at
// most `maxCalls` calls (the least recently used goes first) and `maxEntries` look-ups per call.
export interface CallCacheLimits {
  maxCalls: number;
  maxEntries: number;
}

interface CallEntry<V> {
  until: number;
  values: Map<string, V>;
}

export class CallCache<V> {
  private readonly calls = new Map<string, CallEntry<V>>();

  constructor(
    private readonly limits: CallCacheLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value kept for `key` in this call, or one made now (and kept while the call lasts). */
  get(callId: string, until: Date, key: string, make: () => V): V {
    this.sweep();
    let call = this.calls.get(callId);
    if (call) this.calls.delete(callId); // re-inserted below: Map order is the recency order
    else call = { until: 0, values: new Map() };
    call.until = Math.max(call.until, until.getTime());
    this.calls.set(callId, call);
    while (this.calls.size > this.limits.maxCalls) this.calls.delete(this.calls.keys().next().value as string);
    let value = call.values.get(key);
    if (value === undefined) {
      value = make();
      if (call.values.size >= this.limits.maxEntries) call.values.delete(call.values.keys().next().value as string);
      call.values.set(key, value);
    }
    return value;
  }

  /** Forgets one look-up (a failed one, so the next answer asks again), if it is still the one kept. */
  drop(callId: string, key: string, value: V): void {
    const values = this.calls.get(callId)?.values;
    if (values?.get(key) === value) values.delete(key);
  }

  /** The call has ended: everything kept for it goes. */
  end(callId: string): void {
    this.calls.delete(callId);
  }

  /** Calls held now (after dropping the timed-out ones). */
  get size(): number {
    this.sweep();
    return this.calls.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, call] of this.calls) if (call.until <= now) this.calls.delete(id);
  }
}
