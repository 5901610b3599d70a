import type { OperationHandlers } from './context';
import type { AccountsService } from '../services/accounts/index';

export function authHandlers(deps: { accounts: AccountsService }): Pick<OperationHandlers, 'login' | 'logout' | 'getSession' | 'unlockSession'> {
  const { accounts } = deps;
  return {
    login: (input) => accounts.login(input),
    logout: (_input, ctx) => accounts.logout(ctx.principal),
    getSession: (_input, ctx) => accounts.getSession(ctx.principal),
    unlockSession: (input, ctx) => accounts.unlockSession(ctx.principal, input.password),
  };
}
