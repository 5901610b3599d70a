// The Datafordeler adapter's per-call cache on its own: kept per call, gone at the call's end or
// timeout, bounded in calls and in look-ups per call.
import { describe, expect, it } from 'vitest';
import { CallCache } from '../../../../../server/services/register/datafordeler/call-cache';

describe('CallCache', () => {
  it('makes a value once per call and key, and keeps it while the call lasts', () => {
    let now = 0;
    const cache = new CallCache<number>({ maxCalls: 10, maxEntries: 10 }, () => now);
    let made = 0;
    const make = () => ++made;
    expect(cache.get('a', new Date(1000), 'k', make)).toBe(1);
    expect(cache.get('a', new Date(1000), 'k', make)).toBe(1);
    expect(cache.get('b', new Date(1000), 'k', make)).toBe(2);
    now = 999;
    expect(cache.get('a', new Date(1000), 'k', make)).toBe(1);
  });

  it('drops a call at its timeout, which each use can move on, and at its end', () => {
    let now = 0;
    const cache = new CallCache<number>({ maxCalls: 10, maxEntries: 10 }, () => now);
    let made = 0;
    const make = () => ++made;
    cache.get('a', new Date(100), 'k', make);
    now = 50;
    cache.get('a', new Date(200), 'k', make); // answered: the call now times out at 200
    now = 150;
    expect(cache.get('a', new Date(250), 'k', make)).toBe(1);
    now = 251;
    expect(cache.size).toBe(0);
    expect(cache.get('a', new Date(400), 'k', make)).toBe(2);
    cache.end('a');
    expect(cache.size).toBe(0);
  });

  it('holds at most maxCalls calls (least recently used out) and maxEntries look-ups per call', () => {
    const cache = new CallCache<string>({ maxCalls: 2, maxEntries: 3 }, () => 0);
    const until = new Date(1000);
    cache.get('a', until, 'k', () => 'a1');
    cache.get('b', until, 'k', () => 'b1');
    cache.get('a', until, 'k', () => 'again'); // a is now the most recent
    cache.get('c', until, 'k', () => 'c1');
    expect(cache.size).toBe(2);
    expect(cache.get('b', until, 'k', () => 'b2')).toBe('b2');
    for (const key of ['k1', 'k2', 'k3', 'k4']) cache.get('c', until, key, () => key);
    expect(cache.get('c', until, 'k', () => 'c again')).toBe('c again'); // the oldest look-up went
  });

  it('forgets a failed look-up only if it is still the one kept', () => {
    const cache = new CallCache<string>({ maxCalls: 2, maxEntries: 3 }, () => 0);
    const until = new Date(1000);
    cache.get('a', until, 'k', () => 'first');
    cache.drop('a', 'k', 'other');
    expect(cache.get('a', until, 'k', () => 'second')).toBe('first');
    cache.drop('a', 'k', 'first');
    expect(cache.get('a', until, 'k', () => 'second')).toBe('second');
  });
});
