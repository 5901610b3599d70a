import { z } from 'zod';

/** Roles a signed-in console user can hold. */
export const roleSchema = z.enum(['agent', 'supervisor']);
export type Role = z.infer<typeof roleSchema>;

/** Who may call an operation: anyone (`public`) or a signed-in user holding one of the roles. */
export type Access = 'public' | readonly [Role, ...Role[]];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One operation of the Support API, written once and used by the server (route, validation, role
 * check, OpenAPI), the HTTP client and the Electron IPC bridge.
 *
 * `input` is always an object. Keys named as `:param` in the path travel in the path; for GET and
 * DELETE the rest travel in the query string (so their schemas must coerce from strings), otherwise
 * in the JSON body.
 */
export interface Operation<
  Name extends string = string,
  Input extends z.ZodObject = z.ZodObject,
  Output extends z.ZodType = z.ZodType,
> {
  readonly name: Name;
  readonly method: HttpMethod;
  readonly path: `/api/${string}`;
  readonly summary: string;
  readonly access: Access;
  readonly input: Input;
  readonly output: Output;
  /** The response carries a session token that the client keeps and never hands to the renderer. */
  readonly issuesToken?: boolean;
  /** The session ends with this call: the client forgets its token. */
  readonly endsSession?: boolean;
}

/** Keeps the literal types of the definition (e.g. `issuesToken: true`) so ClientOutput can see them. */
export function defineOperation<const Op extends Operation<string, z.ZodObject, z.ZodType>>(op: Op): Op {
  return op;
}

/** The names of the `:param` segments of a path, e.g. `/api/x/:id` gives `['id']`. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
}

/** Whether the non-path input of this method travels in the query string rather than a body. */
export function inputInQuery(method: HttpMethod): boolean {
  return method === 'GET' || method === 'DELETE';
}

export const emptyInputSchema = z.object({});
