// Parallel wrong passwords for one account: once the delay threshold is passed, only one guess is
// checked per delay; the others meet the running delay (kept in the database, so this holds across
// instances) and are refused without being checked or counted.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { unknownLoginAttempts } from '../../../../../server/db/schema/login-attempts';
import { users } from '../../../../../server/db/schema/users';
import { describeEachDatabase } from '../../../../support/databases';
import { createTestApi, type TestApi } from '../../../../support/support-api';

describeEachDatabase('parallel sign-in failures', (get) => {
  let api: TestApi;
  const waited: number[] = [];
  beforeAll(async () => {
    // Delays are recorded, and no time passes on the test clock: every parallel request arrives inside the first delay.
    api = await createTestApi(get(), { sleep: async (ms) => void waited.push(ms) });
  });
  afterAll(() => api.close());

  const login = (username: string, password: string) => api.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });

  it('checks one guess per delay for a real account, refuses the rest, and lets the right password in once the delay has run', async () => {
    const { username, userId } = await api.signIn('agent');
    await get().db.update(users).set({ failedCount: 5 }).where(eq(users.id, userId));
    const before = await api.services.db.select({ seq: sql<number>`coalesce(max(seq), 0)` }).from(auditEvents);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => login(username, `parallel guess ${i}`)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(401));
    const [row] = await get().db.select().from(users).where(eq(users.id, userId));
    expect(row?.failedCount).toBe(6);
    const events = await api.services.db
      .select({ payload: auditEvents.payload })
      .from(auditEvents)
      .where(sql`seq > ${before[0]?.seq ?? 0} and action = 'login.failed'`);
    const reasons = events.map((e) => e.payload.reason).sort();
    expect(reasons).toEqual(['wrong_password', ...Array(11).fill('throttled')].sort());
    // Every answer still came late: a refusal takes as long as a checked failure.
    expect(waited.filter((ms) => ms > 0)).toHaveLength(12);

    // The right password is refused too while the delay runs, and accepted after it.
    expect((await login(username, 'correct horse battery')).statusCode).toBe(401);
    api.clock.advance(1_001);
    expect((await login(username, 'correct horse battery')).statusCode).toBe(200);
  });

  it('does the same for a username that does not exist', async () => {
    for (let i = 0; i < 5; i++) {
      await login('parallel-ghost', `guess ${i}`);
      api.clock.advance(60_000);
    }
    await Promise.all(Array.from({ length: 10 }, (_, i) => login('parallel-ghost', `parallel ${i}`)));
    const rows = await get().db.select().from(unknownLoginAttempts);
    expect(rows.map((r) => r.failedCount)).toContain(6);
    expect(rows.every((r) => r.failedCount <= 6)).toBe(true);
  });
});
