export * from './cpr';
