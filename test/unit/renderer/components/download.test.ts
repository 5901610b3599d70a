import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../shared/api/api-error';
import type { ConsoleBridge, DownloadProgress } from '../../../../shared/api-client/ipc-client';
import { downloadFromApi, saveText } from '../../../../renderer/src/components/download';

function fakeBridge(overrides: Partial<ConsoleBridge>): ConsoleBridge {
  return {
    invoke: vi.fn(),
    onLockRequested: () => () => {},
    saveDownload: vi.fn(async () => ({ ok: true as const, saved: false as const })),
    saveText: vi.fn(async () => ({ ok: true as const, saved: false as const })),
    cancelDownload: vi.fn(async () => {}),
    onDownloadProgress: () => () => {},
    onCallLink: () => () => {},
    takeCallLink: async () => null,
    copyText: async () => true,
    settings: { get: vi.fn(), update: vi.fn() },
    ...overrides,
  };
}

afterEach(() => {
  delete window.consoleBridge;
});

describe('saving files in the desktop shell', () => {
  it('says written only when main wrote the file, with its size; progress is heard, then unsubscribed', async () => {
    let listener: ((p: DownloadProgress) => void) | undefined;
    const unsubscribe = vi.fn();
    window.consoleBridge = fakeBridge({
      onDownloadProgress: (l) => {
        listener = l;
        return unsubscribe;
      },
      saveDownload: vi.fn(async () => {
        listener?.({ received: 512, total: null });
        return { ok: true as const, saved: true as const, bytes: 1024 };
      }),
    });
    const heard: DownloadProgress[] = [];
    await expect(downloadFromApi('/api/exports/verifications.csv?ticket=x', 'v.csv', (p) => heard.push(p))).resolves.toEqual({ kind: 'written', bytes: 1024 });
    expect(heard).toEqual([{ received: 512, total: null }]);
    expect(unsubscribe).toHaveBeenCalled();
  });

  it('reports a cancelled dialog as cancelled and a failure as an ApiError', async () => {
    window.consoleBridge = fakeBridge({});
    await expect(saveText('{}', 'a.json', 'application/json')).resolves.toEqual({ kind: 'cancelled' });
    window.consoleBridge = fakeBridge({ saveText: vi.fn(async () => ({ ok: false as const, error: { code: 'internal', message: 'The file could not be saved.' } })) });
    const error = await saveText('{}', 'a.json', 'application/json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('internal');
  });

  it('in the browser preview hands the file to the browser', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    URL.createObjectURL ??= () => 'blob:x';
    URL.revokeObjectURL ??= () => {};
    await expect(saveText('a,b', 'a.csv', 'text/csv')).resolves.toEqual({ kind: 'browser' });
    await expect(downloadFromApi('/api/exports/verifications.csv?ticket=x', 'v.csv')).resolves.toEqual({ kind: 'browser' });
    expect(click).toHaveBeenCalledTimes(2);
    click.mockRestore();
  });
});
