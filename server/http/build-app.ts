import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import fastifySwagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { ApiError, describeIssues, errorCodes, type ApiErrorBody } from '../../shared/api/index';
import type { Authenticator, OperationHandlers } from '../handlers/context';
import { summariseError } from '../observability/error-summary';
import { registerEmbeddedGuard, registerLoopbackHostGuard, type EmbeddedGuardOptions } from './embedded-guard';
import { registerOperations } from './register-operations';

export interface BuildAppOptions {
  handlers: OperationHandlers;
  authenticator: Authenticator;
  version: string;
  /** Pino options, or false for silence (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Folder with the built console to serve at `/` for a browser (npm run serve). */
  consoleDir?: string;
  /** Embedded in the desktop shell: only its own loopback Host and the shell's per-launch secret get in. */
  embeddedGuard?: EmbeddedGuardOptions;
  /** Listening on loopback without the shell (npm run serve): only its own loopback Host gets in. */
  loopbackHostOnly?: boolean;
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

/**
 * Fixed answers for the failures Fastify and Node detect themselves (bad URL, over-long path id, body
 * too large or not JSON, oversized headers): never their own shape, never the input they choke on.
 */
const requestFailures: Record<number, ApiErrorBody> = {
  400: { code: errorCodes.badRequest, message: 'The request could not be read.' },
  404: { code: errorCodes.notFound, message: 'No such route.' },
  408: { code: errorCodes.badRequest, message: 'The request took too long to arrive.' },
  413: { code: errorCodes.badRequest, message: 'The request body is too large.' },
  414: { code: errorCodes.badRequest, message: 'The request address is too long.' },
  415: { code: errorCodes.badRequest, message: 'The request body must be JSON.' },
  431: { code: errorCodes.badRequest, message: 'The request headers are too large.' },
};

function requestFailure(status: number): [number, ApiErrorBody] {
  const known = requestFailures[status];
  return known ? [status, known] : [400, requestFailures[400] as ApiErrorBody];
}

/**
 * What a failure log line says: which operation, which class of error, which request (pino adds
 * `reqId`). Never the error's message: a failed query's message carries its SQL parameters, which
 * are the request's values (note texts, user IDs, reasons).
 */
function failureLogFields(req: FastifyRequest, error: unknown): Record<string, unknown> {
  return {
    operation: (req.routeOptions.config as { operation?: string } | undefined)?.operation ?? req.routeOptions.url ?? 'unknown',
    // Class, cause class and a SQLSTATE such as 22P05: what went wrong without saying with what.
    ...summariseError(error),
  };
}

/** Errors the HTTP parser raises before Fastify sees a request (e.g. 431): written to the socket. */
function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(requestFailure(status)[1]);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nCache-Control: no-store\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** The Support API as a Fastify instance, routes generated from the shared contract. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    // Request URLs may one day carry identifiers: log the route pattern, never the raw URL.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    clientErrorHandler,
    // A URL that is not valid UTF-8 percent-encoding (400) or a path id over the router's limit (414).
    frameworkErrors: (error, _req, reply) => {
      const [status, body] = requestFailure(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400);
      void (reply as FastifyReply).status(status).header('cache-control', 'no-store').send(body);
    },
  });
  if (options.embeddedGuard) registerEmbeddedGuard(app, options.embeddedGuard);
  else if (options.loopbackHostOnly) registerLoopbackHostGuard(app);
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
      req.log.error({ ...failureLogFields(req, error), issues: error.cause.issues.map((i) => i.path.join('.')) }, 'response failed its schema');
    } else {
      const statusCode = (error as { statusCode?: number }).statusCode;
      if (statusCode === 429) [status, body] = errorReply(429, errorCodes.rateLimited, 'Too many requests. Wait a moment and try again.');
      else if (statusCode && statusCode >= 400 && statusCode < 500) [status, body] = requestFailure(statusCode);
      else req.log.error(failureLogFields(req, error), 'request failed');
    }
    void reply.status(status).header('cache-control', 'no-store').send(body);
  });

  app.setNotFoundHandler((_req, reply) => {
    void reply.status(404).send(requestFailures[404]);
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
