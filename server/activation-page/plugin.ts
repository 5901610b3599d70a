// Serves the activation page at /activate (with its CSS and script), the sandbox phone at
// /sandbox-phone (sandbox registers only), and rate-limits the public redeem
// route per client IP. The limiter keeps its counters in this process's memory: enough for one
// instance (the embedded default). Behind a load balancer, move the limit to the proxy or to the
// shared database, or each instance grants the full allowance.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { errorCodes, redeemActivationCode } from '../../shared/api/index';
import { faviconIco } from './favicon';
import { activationPageCss } from './page-css';
import { accessibilityStatementHtml, activationPageHtml } from './page-html';
import { activationPageScript } from './page-script';
import { sandboxPhoneHtml, sandboxPhoneScript } from './sandbox-phone';
import type { PageLanguage } from './texts';

export interface ActivationPageOptions {
  /** Redeem requests per client IP per window (in addition to each code's own attempt limit). */
  redeemLimit: { max: number; windowMs: number };
  /** The sandbox phone page exists only while this says so (checked per request). */
  isSandbox: () => Promise<boolean>;
}

export const defaultRedeemLimit: ActivationPageOptions['redeemLimit'] = { max: 10, windowMs: 60_000 };

function language(query: unknown): PageLanguage {
  return (query as { lang?: unknown } | undefined)?.lang === 'en' ? 'en' : 'da';
}

export function activationPagePlugin(options: ActivationPageOptions) {
  const pages = { da: activationPageHtml('da'), en: activationPageHtml('en') };
  const statements = { da: accessibilityStatementHtml('da'), en: accessibilityStatementHtml('en') };
  return async function registerActivationPage(app: FastifyInstance): Promise<void> {
    await app.register(rateLimit, { global: false });
    const limiter = app.rateLimit({
      max: options.redeemLimit.max,
      timeWindow: options.redeemLimit.windowMs,
      keyGenerator: (req) => req.ip,
    });
    // The redeem route is generated from the contract; the limit attaches to it by its path.
    app.addHook('onRequest', async (req, reply) => {
      if (req.method === 'POST' && req.routeOptions.url === redeemActivationCode.path) await limiter.call(app, req, reply);
    });

    const page = { schema: { hide: true } };
    app.get('/activate', page, async (req, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(pages[language(req.query)]),
    );
    app.get('/activate/accessibility', page, async (req, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(statements[language(req.query)]),
    );
    app.get('/activate/activate.css', page, async (_req, reply) => reply.type('text/css; charset=utf-8').send(activationPageCss));
    app.get('/activate/activate.js', page, async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(activationPageScript));

    app.get('/favicon.ico', page, async (_req, reply) => reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(faviconIco));

    const notFound = { code: errorCodes.notFound, message: 'No such route.' };
    app.get('/sandbox-phone', page, async (_req, reply) => {
      if (!(await options.isSandbox())) return reply.status(404).send(notFound);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(sandboxPhoneHtml);
    });
    app.get('/sandbox-phone/sandbox-phone.js', page, async (_req, reply) => {
      if (!(await options.isSandbox())) return reply.status(404).send(notFound);
      return reply.type('text/javascript; charset=utf-8').send(sandboxPhoneScript);
    });
  };
}
