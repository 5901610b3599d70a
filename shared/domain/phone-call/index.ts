export * from './call-id';
export * from './call-link';
export * from './caller-number';
