import { beforeEach, describe, expect, it } from 'vitest';
import { rendererCsp, setupContentSecurityPolicy, withRendererCsp } from '../../../../electron/main/content-security-policy';
import * as mock from '../../../mocks/electron';

/** Directive name → its source list. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('renderer Content-Security-Policy', () => {
  beforeEach(() => mock.resetElectronMock());

  it('is strict: nothing by default, no eval, no network, no remote origin', () => {
    const d = directives(rendererCsp);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:']);
    expect(rendererCsp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|\*/);
    // Inline styles are needed by MUI; inline *scripts* never.
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('is added to every response the default session receives', () => {
    setupContentSecurityPolicy(mock.session.defaultSession as never);
    const listener = mock.session.defaultSession.headersListener;
    expect(listener).toBeDefined();
    let answered: Record<string, string[]> | undefined;
    listener!({ url: 'file:///app/out/renderer/index.html', responseHeaders: { 'X-Other': ['1'] } }, (r) => {
      answered = r.responseHeaders;
    });
    expect(answered).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [rendererCsp] });
  });

  it('replaces a weaker policy a response brought, whatever its letter case', () => {
    const headers = withRendererCsp({ 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"] });
    expect(Object.keys(headers)).toEqual(['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']).toEqual([rendererCsp]);
  });
});
