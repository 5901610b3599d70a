export * from './password-rules';
export * from './user-id-rules';
