export * from './call-link';
export * from './caller-number';
