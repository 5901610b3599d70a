import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApiError,
  apiErrorBodySchema,
  describeIssues,
  errorCodes,
  inputInQuery,
  operations,
  pathParams,
  type Operation,
  type OperationName,
} from '../../shared/api/index';
import type { Authenticator, OperationHandlers, PublicContext } from '../handlers/context';

function bearerToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  const token = header.slice('Bearer '.length).trim();
  return token.length > 0 && token.length <= 200 ? token : undefined;
}

/** Splits a contract input object into the Fastify schema parts (params, querystring or body). */
function routeSchema(op: Operation) {
  const params = pathParams(op.path);
  // The keys are only known at run time, so the mask is typed loosely.
  const mask = Object.fromEntries(params.map((p) => [p, true])) as never;
  const rest = op.input.omit(mask);
  const errors = { 400: apiErrorBodySchema, 401: apiErrorBodySchema, 403: apiErrorBodySchema, 500: apiErrorBodySchema };
  return {
    operationId: op.name,
    summary: op.summary,
    ...(op.access === 'public' ? {} : { security: [{ bearer: [] }], description: `Roles: ${op.access.join(', ')}` }),
    ...(params.length > 0 ? { params: op.input.pick(mask) } : {}),
    ...(inputInQuery(op.method) ? { querystring: rest } : { body: rest }),
    response: { 200: op.output, ...errors },
  };
}

/**
 * Registers one route per contract operation: input validated by the operation's zod schema,
 * output validated before it is sent, role checked before the handler runs.
 */
export function registerOperations(app: FastifyInstance, handlers: OperationHandlers, auth: Authenticator): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const name of Object.keys(operations) as OperationName[]) {
    const op = operations[name] as Operation;
    const handler = handlers[name] as (input: unknown, ctx: PublicContext) => Promise<unknown>;
    typed.route({
      method: op.method,
      url: op.path,
      schema: routeSchema(op),
      handler: async (req) => {
        const token = bearerToken(req);
        const principal = token ? await auth.authenticate(token) : null;
        if (op.access !== 'public') {
          if (!principal) throw new ApiError(401, errorCodes.unauthenticated, 'Sign in to continue.');
          if (!op.access.includes(principal.role)) {
            throw new ApiError(403, errorCodes.forbidden, 'Your role may not do this.');
          }
        }
        const raw = {
          ...(inputInQuery(op.method) ? (req.query as object) : ((req.body as object | undefined) ?? {})),
          ...(req.params as object),
        };
        // Fastify validated the parts; the full object is parsed once more so refinements across
        // path and body hold and the handler receives the schema's output type.
        const input = op.input.safeParse(raw);
        if (!input.success) throw new ApiError(400, errorCodes.badRequest, describeIssues(input.error.issues));
        return handler(input.data, { principal, ip: req.ip, requestId: req.id });
      },
    });
  }
}
