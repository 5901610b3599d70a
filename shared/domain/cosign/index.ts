export * from './cosign-rules';
