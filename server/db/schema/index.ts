// Every table of the Support API; drizzle-kit generates the migrations from this module.
export * from './audit';
export * from './login-attempts';
export * from './outbox';
export * from './register';
export * from './review';
export * from './sessions';
export * from './settings';
export * from './users';
export * from './verifications';
export * from './cosign';
