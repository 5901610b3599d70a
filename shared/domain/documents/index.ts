export * from './document-number';
