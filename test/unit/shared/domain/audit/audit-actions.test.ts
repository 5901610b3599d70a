// Every audit action is stored as written: dotted lower-case (the appender's schema), each once.
import { describe, expect, it } from 'vitest';
import { auditActions } from '../../../../../shared/domain/audit/index';

describe('audit actions', () => {
  it('are dotted lower-case strings, each listed once', () => {
    for (const action of auditActions) expect(action).toMatch(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/);
    expect(new Set(auditActions).size).toBe(auditActions.length);
  });
});
