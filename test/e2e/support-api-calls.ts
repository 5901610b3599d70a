// Calls to a Support API started in the test process, as the console would make them over HTTP: for
// specs that set up state (a passed verification, an issued code) before the browser takes over.
import { expect } from '@playwright/test';
import type { QuestionView, VerificationView } from '../../shared/api/index';
import type { RunningSupportApi } from '../../server/start';
import { correctAnswer, startFor, type TestPerson } from '../support/verification-helpers';

/** `api` is read at each call: specs start (and restart) their API in beforeAll. */
export function supportApiCalls(api: () => RunningSupportApi) {
  async function call<T>(method: string, url: string, token: string | null, body?: unknown): Promise<{ status: number; json: T }> {
    const res = await fetch(`${api().url}${url}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, json: (await res.json()) as T };
  }

  /** A session token for a demo account. */
  async function signIn(username: string, password: string): Promise<string> {
    const res = await call<{ token: string }>('POST', '/api/session', null, { username, password });
    expect(res.status).toBe(200);
    return res.json.token;
  }

  /** A verification by the demo agent, every question answered from the register. */
  async function passedVerification(person: TestPerson): Promise<VerificationView> {
    const agent = await signIn('agent', 'agent-demo-pass');
    let view = (await call<VerificationView>('POST', '/api/verifications', agent, startFor(person))).json;
    while (view.status === 'in_progress' && view.currentQuestion) {
      const q: QuestionView = view.currentQuestion;
      const text = await correctAnswer(api().database.db, person.cpr, q);
      view = (await call<VerificationView>('POST', `/api/verifications/${view.id}/answers`, agent, { questionId: q.id, answer: { kind: 'text', text } })).json;
    }
    return view;
  }

  return { call, signIn, passedVerification };
}
