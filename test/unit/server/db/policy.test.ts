import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getPolicy } from '../../../../server/db/policy';
import { savePolicy } from '../../../../server/services/review/policy-settings';
import { defaultPolicy } from '../../../../shared/domain/policy/index';
import { auditEvents } from '../../../../server/db/schema/audit';
import { settings } from '../../../../server/db/schema/settings';
import { describeEachDatabase } from '../../../support/databases';

describeEachDatabase('policy settings', (get) => {
  it('reads the defaults when nothing is stored', async () => {
    const policy = await getPolicy(get().db);
    expect(policy).toEqual(defaultPolicy);
    expect(policy.session).toEqual({ maxHours: 8, idleMinutes: 15, consoleLockMinutes: 5 });
    expect(policy.login).toMatchObject({ delayAfterFailures: 5, lockAfterFailures: 10, lockMinutes: 15 });
  });

  it('fills a partial stored document from the defaults', async () => {
    await get().db.insert(settings).values({ key: 'policy', value: { session: { idleMinutes: 10 } }, updatedAt: new Date(), updatedBy: 'system' });
    const policy = await getPolicy(get().db);
    expect(policy.session).toEqual({ maxHours: 8, idleMinutes: 10, consoleLockMinutes: 5 });
    expect(policy.login).toEqual(defaultPolicy.login);
  });

  it('saves a policy with an audit event in the same transaction', async () => {
    const at = new Date('2026-11-25T10:00:00Z');
    const next = { ...defaultPolicy, login: { ...defaultPolicy.login, lockMinutes: 30 } };
    await get().handle.transaction((tx) => savePolicy(tx, next, { actor: 'user-1', at }));
    expect((await getPolicy(get().db)).login.lockMinutes).toBe(30);
    const events = await get().db.select().from(auditEvents).where(sql`action = 'policy.updated'`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'user-1' });
  });

  it('refuses a stored document that breaks the schema rather than guessing', async () => {
    await get().db.update(settings).set({ value: { login: { lockAfterFailures: 'many' } } }).where(sql`key = 'policy'`);
    await expect(getPolicy(get().db)).rejects.toThrow(/policy/);
  });
});
