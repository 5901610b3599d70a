// The one in-flight/error pattern of the console's writes.
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/api-error';
import { useApiMutation } from '../../../../renderer/src/app/use-api-mutation';

describe('useApiMutation', () => {
  it('runs one call at a time: a second run while the first is in flight does nothing', async () => {
    let calls = 0;
    let release: (value: string) => void = () => {};
    const { result } = renderHook(() =>
      useApiMutation(() => {
        calls += 1;
        return new Promise<string>((resolve) => (release = resolve));
      }),
    );
    let first: Promise<string | undefined> = Promise.resolve(undefined);
    let second: Promise<string | undefined> = Promise.resolve(undefined);
    act(() => {
      first = result.current.run();
      second = result.current.run();
    });
    expect(result.current.pending).toBe(true);
    expect(await second).toBeUndefined();
    await act(async () => {
      release('done');
      expect(await first).toBe('done');
    });
    expect(calls).toBe(1);
    expect(result.current.pending).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it('keeps the failure as an ApiError until the next run or reset', async () => {
    let fail = true;
    const { result } = renderHook(() =>
      useApiMutation(async () => {
        if (fail) throw new ApiError(409, 'conflict', 'Already used.');
        return 1;
      }),
    );
    await act(async () => {
      expect(await result.current.run()).toBeUndefined();
    });
    expect(result.current.error).toMatchObject({ status: 409, code: 'conflict' });
    fail = false;
    await act(async () => {
      expect(await result.current.run()).toBe(1);
    });
    expect(result.current.error).toBeNull();
    fail = true;
    await act(async () => void (await result.current.run()));
    act(() => result.current.reset());
    expect(result.current.error).toBeNull();
  });

  it('turns anything thrown into an ApiError', async () => {
    const { result } = renderHook(() => useApiMutation(async () => Promise.reject(new Error('boom'))));
    await act(async () => void (await result.current.run()));
    expect(result.current.error).toBeInstanceOf(ApiError);
    expect(result.current.error?.message).toBe('boom');
  });
});
