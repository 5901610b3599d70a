// The app:// scheme that serves the built renderer. A privileged standard + secure scheme gives the
// page a real origin (app://console) without file://'s extra privileges, so the
// grantFileProtocolExtraPrivileges fuse stays off; only files inside out/renderer are ever answered.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { rendererCsp } from './content-security-policy';

export const appScheme = 'app';
export const appHost = 'console';
/** The one document the window loads. */
export const rendererUrl = `${appScheme}://${appHost}/index.html`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Must run before the app is ready (Electron's rule for registerSchemesAsPrivileged). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  // standard: a real origin, so 'self' in the CSP and relative module URLs work; secure: a secure
  // context like https. No fetch, CORS or service-worker privileges: the page needs none.
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true } }]);
}

/** The policy as a meta element, inserted into the served document so header and meta are one text. */
export const cspMetaTag = `<meta http-equiv="Content-Security-Policy" content="${rendererCsp}" />`;

function withCspMeta(html: string): string {
  return html.replace(/<head>/i, (head) => `${head}\n    ${cspMetaTag}`);
}

const respond = (status: number, body: BodyInit | null, contentType = 'text/plain; charset=utf-8') =>
  new Response(body, {
    status,
    headers: {
      'content-type': contentType,
      'content-security-policy': rendererCsp,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    },
  });

/** Answers app://console/<file> from `rendererDir`; anything else (another host, a path outside, a folder) is 404. */
export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return respond(400, 'Bad request');
    }
    if (url.protocol !== `${appScheme}:` || url.host !== appHost || request.method !== 'GET') return respond(404, 'Not found');
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return respond(404, 'Not found');
    }
    if (relative === '/') relative = '/index.html';
    const file = path.resolve(root, `.${relative}`);
    const type = contentTypes[path.extname(file).toLowerCase()];
    if (!file.startsWith(root + path.sep) || relative.includes('\0') || !type) return respond(404, 'Not found');
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      return respond(404, 'Not found');
    }
    if (type.startsWith('text/html')) return respond(200, withCspMeta(data.toString('utf8')), type);
    return respond(200, new Uint8Array(data), type);
  };
}

/** Serves the renderer on app:// (after ready). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme, createAppRequestHandler(rendererDir));
}
