// What a handler is given: the parsed input and the request's context (the principal resolved from the
// bearer token on every call). The HTTP layer (server/http) builds these; handlers never see Fastify.
import type { OperationName, OperationOutput, Operations, ParsedInput } from '../../shared/api/index';
import type { Principal } from '../services/principal';

export interface PublicContext {
  principal: Principal | null;
  /** Client address as Fastify sees it (used for rate limits, never logged with personal data). */
  ip: string;
  requestId: string;
}

export interface AuthedContext extends PublicContext {
  principal: Principal;
}

export type HandlerContext<N extends OperationName> = Operations[N]['access'] extends 'public'
  ? PublicContext
  : AuthedContext;

/** One handler per operation; the compiler refuses a server that misses one. */
export type OperationHandlers = {
  [N in OperationName]: (input: ParsedInput<N>, ctx: HandlerContext<N>) => Promise<OperationOutput<N>>;
};

/** Resolves a bearer token to a principal; null when the session is unknown, expired or idle. */
export interface Authenticator {
  authenticate(token: string): Promise<Principal | null>;
}
