import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError, errorCodes } from '../../../../shared/api/index';
import { ConsoleApiProvider } from '../../../../renderer/src/app/console-api-context';
import { useApiQuery } from '../../../../renderer/src/app/use-api-query';
import { fakeApi } from '../support/render-console';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const health = (version: string) => ({ status: 'ok' as const, version, database: 'pglite' as const, sandbox: true });

function Version({ k }: { k: string }) {
  const query = useApiQuery(`health:${k}`, (api) => api.getHealth({}));
  return (
    <div>
      <span data-testid="state">{query.status === 'success' ? query.data.version : query.status === 'error' ? query.error.code : 'loading'}</span>
      <button onClick={query.reload}>reload</button>
    </div>
  );
}

describe('useApiQuery', () => {
  it('goes loading → error → (reload) → success', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.getHealth.mockRejectedValueOnce(new ApiError(0, errorCodes.unreachable, 'down')).mockResolvedValueOnce(health('2.0.0'));
    render(
      <ConsoleApiProvider api={api}>
        <Version k="a" />
      </ConsoleApiProvider>,
    );
    expect(screen.getByTestId('state').textContent).toBe('loading');
    expect(await screen.findByText('unreachable')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'reload' }));
    expect(await screen.findByText('2.0.0')).toBeTruthy();
    expect(api.getHealth).toHaveBeenCalledTimes(2);
  });

  it('drops a slow answer for an old key', async () => {
    const first = deferred<ReturnType<typeof health>>();
    const second = deferred<ReturnType<typeof health>>();
    const api = fakeApi();
    api.getHealth.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    let setKey!: (k: string) => void;
    function Host() {
      const [k, set] = useState('one');
      setKey = set;
      return <Version k={k} />;
    }
    render(
      <ConsoleApiProvider api={api}>
        <Host />
      </ConsoleApiProvider>,
    );
    act(() => setKey('two'));
    await act(async () => second.resolve(health('new')));
    await act(async () => first.resolve(health('old')));
    expect(screen.getByTestId('state').textContent).toBe('new');
  });
});
