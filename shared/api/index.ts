import type { z } from 'zod';
import type { Operation } from './define';
import { authOperations } from './operations/auth';
import { codesOperations } from './operations/codes';
import { cosignOperations } from './operations/cosign';
import { healthOperations } from './operations/health';
import { sandboxOperations } from './operations/sandbox';
import { supervisionOperations } from './operations/supervision';
import { verificationOperations } from './operations/verification';

export * from './define';
export * from './errors';
export * from './describe-issues';
export * from './safe-text';
export * from './shell-secret';
export * from './operations/auth';
export * from './operations/codes';
export * from './operations/cosign';
export * from './operations/health';
export * from './operations/sandbox';
export * from './operations/supervision';
export * from './operations/verification';

/**
 * Every operation of the Support API. Adding one here makes the server demand a handler for it,
 * the HTTP client and the IPC bridge expose it, and the OpenAPI document describe it.
 */
export const operations = {
  ...healthOperations,
  ...authOperations,
  ...verificationOperations,
  ...codesOperations,
  ...supervisionOperations,
  ...cosignOperations,
  ...sandboxOperations,
} as const satisfies Record<string, Operation>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;

export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

/** What a console caller gets back: the session token (if any) stays with the transport. */
export type ClientOutput<N extends OperationName> = Operations[N] extends { issuesToken: true }
  ? Omit<OperationOutput<N>, 'token'>
  : OperationOutput<N>;

/** The typed API the renderer depends on, whatever carries the calls (HTTP or Electron IPC). */
export type ConsoleApi = {
  [N in OperationName]: (input: OperationInput<N>) => Promise<ClientOutput<N>>;
};

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name);
}

export const operationNames = Object.keys(operations) as OperationName[];
