import fastifySwagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { ApiError, describeIssues, errorCodes, type ApiErrorBody } from '../../shared/api/index';
import type { Authenticator, OperationHandlers } from '../handlers/context';
import { registerOperations } from './register-operations';

export interface BuildAppOptions {
  handlers: OperationHandlers;
  authenticator: Authenticator;
  version: string;
  /** Pino options, or false for silence (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Folder with the built console to serve at `/` for a browser (npm run serve). */
  consoleDir?: string;
  /** Extra non-contract routes (e.g. the activation page), registered after the contract's. */
  plugins?: ((app: FastifyInstance) => Promise<void> | void)[];
  /** Told of every answered request (metrics): route pattern, never the URL. */
  onRequestDone?: (route: string, method: string, status: number, seconds: number) => void;
}

/** Content-Security-Policy for pages the API serves: same-origin only, no inline script. */
export const servedPageCsp =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function errorReply(status: number, code: string, message: string): [number, ApiErrorBody] {
  return [status, { code, message }];
}

/** The Support API as a Fastify instance, routes generated from the shared contract. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    // Request URLs may one day carry identifiers: log the route pattern, never the raw URL.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onResponse', async (req, reply) => {
    // An unmatched URL is one label, not one per path tried (a scanner must not grow the metrics).
    const route = req.routeOptions.url ?? 'unmatched';
    req.log.info({ method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    options.onRequestDone?.(route, req.method, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((error, req, reply) => {
    let [status, body] = errorReply(500, errorCodes.internal, 'Something went wrong on the Support API.');
    if (error instanceof ApiError) {
      [status, body] = errorReply(error.status, error.code, error.message);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? 'invalid',
      }));
      [status, body] = errorReply(400, errorCodes.badRequest, describeIssues(issues) || 'Invalid request.');
    } else if (isResponseSerializationError(error)) {
      // The handler produced something the contract does not allow: refuse to send it.
      req.log.error({ route: req.routeOptions.url, issues: error.cause.issues.map((i) => i.path.join('.')) }, 'response failed its schema');
    } else {
      const statusCode = (error as { statusCode?: number }).statusCode;
      if (statusCode === 429) [status, body] = errorReply(429, errorCodes.rateLimited, 'Too many requests. Wait a moment and try again.');
      else if (statusCode && statusCode >= 400 && statusCode < 500) [status, body] = errorReply(statusCode, errorCodes.badRequest, 'The request could not be read.');
      else req.log.error({ err: { type: (error as Error).name, message: (error as Error).message } }, 'unhandled error');
    }
    void reply.status(status).header('cache-control', 'no-store').send(body);
  });

  app.setNotFoundHandler((_req, reply) => {
    void reply.status(404).send({ code: errorCodes.notFound, message: 'No such route.' });
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'MitID Support API', version: options.version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    else void reply.header('content-security-policy', servedPageCsp);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    return payload;
  });

  registerOperations(app, options.handlers, options.authenticator);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const plugin of options.plugins ?? []) await plugin(app);

  if (options.consoleDir) {
    await app.register(fastifyStatic, { root: options.consoleDir, prefix: '/', index: ['index.html'] });
  }
  return app;
}
