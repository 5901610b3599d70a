import type { Role } from '../../shared/api/index';

/** The signed-in user an operation acts for: resolved from the session token by the accounts service. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  sessionId: string;
}
