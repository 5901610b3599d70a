// The renderer's Content-Security-Policy, sent as a response header for every document.
import type { Session } from 'electron';

/**
 * The renderer needs no network at all: it talks only through the IPC bridge, so connect-src is
 * 'none'. style-src allows inline styles because MUI (emotion) injects <style> elements at run time.
 */
export const rendererCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Response headers with our policy replacing any policy a response brought (in any letter case). */
export function withRendererCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [rendererCsp];
  return result;
}

/**
 * Adds the policy to every response the session sees. The renderer's index.html also carries a
 * meta policy (for the browser preview); where both apply, the browser enforces both.
 */
export function setupContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withRendererCsp(details.responseHeaders) });
  });
}
