export * from './answer-limits';
