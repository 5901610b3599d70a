// Console accounts: users, passwords, sign-in throttling, sessions.
export { createAccountsService, invalidCredentialsMessage, type AccountsDeps, type AccountsService } from './accounts-service';
export { defaultScryptParams, hashPassword, verifyPassword, type ScryptParams } from './password';
export { createUser, demoAccounts, ensureDemoAccounts, findUserByUsername, insertUser, newUserSchema, type NewUser, type UserRow } from './users';
