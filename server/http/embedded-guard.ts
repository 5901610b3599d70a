// The embedded API listens on 127.0.0.1, where every browser on the PC can reach it too. Two checks
// keep them out: the Host header must name the API's own loopback address (a DNS-rebinding page
// sends its own host name), and every request must carry the per-launch secret the desktop shell
// was given when it started the API (a page in a browser cannot know it).
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorCodes, shellSecretHeader } from '../../shared/api/index';

export interface EmbeddedGuardOptions {
  /** The per-launch secret (≥ 32 random bytes, base64url) the shell sends in shellSecretHeader. */
  shellSecret: string;
}

function sameSecret(given: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const bytes = Buffer.from(given);
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

/** Whether a listen address is the loopback interface (only this PC's programs and browsers reach it). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Answers only a Host that names this listener's loopback address and port: a DNS-rebinding page
 * reaches 127.0.0.1 under its own host name. For the desktop shell's API and for `npm run serve` on
 * loopback (a browser preview of the embedded data folder).
 */
export function registerLoopbackHostGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const port = (app.server.address() as AddressInfo | null)?.port;
    const host = req.headers.host;
    if (!port || (host !== `127.0.0.1:${port}` && host !== `localhost:${port}` && host !== `[::1]:${port}`)) {
      return reply.status(403).header('cache-control', 'no-store').send({ code: errorCodes.forbidden, message: 'This address does not serve the console.' });
    }
    return undefined;
  });
}

export function registerEmbeddedGuard(app: FastifyInstance, options: EmbeddedGuardOptions): void {
  const expected = Buffer.from(options.shellSecret);
  if (expected.length < 32) throw new Error('the shell secret is too short');
  registerLoopbackHostGuard(app);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!sameSecret(req.headers[shellSecretHeader], expected)) {
      return reply.status(403).header('cache-control', 'no-store').send({ code: errorCodes.forbidden, message: 'Only the desktop console may call this API.' });
    }
    return undefined;
  });
}
