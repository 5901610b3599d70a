import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { launchSecretEnv, launchSecretHeader, startUtilityApi, type UtilityChild } from '../../../../electron/main/utility-api';

/** A utility process that answers like the built entry: started → (start) → ready on the asked port. */
class FakeChild extends EventEmitter implements UtilityChild {
  received: unknown[] = [];
  constructor(
    readonly env: Record<string, string>,
    private readonly behaviour: 'ready' | 'fail',
  ) {
    super();
    queueMicrotask(() => this.emit('message', { kind: 'started' }));
  }
  postMessage(message: unknown) {
    this.received.push(message);
    const m = message as { kind: string; port?: number };
    if (m.kind === 'start') {
      queueMicrotask(() =>
        this.behaviour === 'ready'
          ? this.emit('message', { kind: 'ready', url: `http://127.0.0.1:${m.port || 41234}` })
          : this.emit('message', { kind: 'failed', reason: 'the data folder is locked' }),
      );
    }
    if (m.kind === 'stop') queueMicrotask(() => this.emit('exit', 0));
  }
  kill() {
    this.emit('exit', -1);
    return true;
  }
}

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function forker(behaviours: ('ready' | 'fail')[]) {
  const children: FakeChild[] = [];
  const fork = vi.fn((_entry: string, env: Record<string, string>) => {
    const child = new FakeChild(env, behaviours[Math.min(children.length, behaviours.length - 1)]!);
    children.push(child);
    return child;
  });
  return { fork, children };
}

describe('embedded API in a utility process', () => {
  it('starts the entry with a per-launch secret in its environment and the header for main', async () => {
    const { fork, children } = forker(['ready']);
    const api = await startUtilityApi({ fork, entry: '/app/out/main/support-api.js', dataDir: '/u/support-data', env: { PATH: '/bin', NODE_OPTIONS: '--inspect' }, log });
    expect(api.url).toBe('http://127.0.0.1:41234');
    const secret = children[0]!.env[launchSecretEnv]!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(api.headers).toEqual({ [launchSecretHeader]: secret });
    expect(children[0]!.env).not.toHaveProperty('NODE_OPTIONS');
    expect(children[0]!.received[0]).toEqual({ kind: 'start', dataDir: '/u/support-data', port: 0 });
    // A second launch has another secret.
    const again = await startUtilityApi({ fork: forker(['ready']).fork, entry: 'x', dataDir: 'd', log });
    expect(again.headers[launchSecretHeader]).not.toBe(secret);
    await api.close();
    expect(children[0]!.received.at(-1)).toEqual({ kind: 'stop' });
  });

  it('restarts a process that died on the same port with the same secret', async () => {
    const { fork, children } = forker(['ready']);
    const api = await startUtilityApi({ fork, entry: 'x', dataDir: 'd', restartDelayMs: 1, log });
    children[0]!.kill();
    await vi.waitFor(() => expect(children).toHaveLength(2));
    await vi.waitFor(() => expect(children[1]!.received[0]).toEqual({ kind: 'start', dataDir: 'd', port: 41234 }));
    expect(children[1]!.env[launchSecretEnv]).toBe(children[0]!.env[launchSecretEnv]);
    await api.close();
  });

  it('gives up after the bounded restarts, with a clear reason', async () => {
    const { fork, children } = forker(['ready', 'fail']);
    const api = await startUtilityApi({ fork, entry: 'x', dataDir: 'd', maxRestarts: 2, restartDelayMs: 1, log });
    children[0]!.kill();
    await expect(api.failed).resolves.toMatch(/could not be restarted after 2 attempts/);
    expect(children).toHaveLength(3);
    await api.close();
  });

  it('rejects when the first start fails', async () => {
    const { fork } = forker(['fail']);
    await expect(startUtilityApi({ fork, entry: 'x', dataDir: 'd', log })).rejects.toThrow('the data folder is locked');
  });
});
