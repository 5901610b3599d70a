// Verification views as the contract shapes them, for the call screens' tests.
import type { MyVerification, QuestionView, VerificationView } from '../../../../../shared/api/index';

export const verificationId = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';

/** A row of the agent's "my calls" list: by default a call in progress for 120368-XXXX. */
export function myCall(overrides: Partial<MyVerification> = {}): MyVerification {
  return {
    id: verificationId,
    startedAt: '2026-11-25T08:30:00.000Z',
    endedAt: null,
    status: 'in_progress',
    outcome: null,
    maskedCpr: '120368-XXXX',
    documentType: 'passport',
    codeStatus: 'none',
    ...overrides,
  };
}

export function question(number: number, overrides: Partial<QuestionView> = {}): QuestionView {
  return { id: `q${number}`, kind: 'earlier_address', answerFormat: 'address', params: { year: 1998 }, number, ...overrides };
}

export function inProgress(q: QuestionView = question(1), overrides: Partial<VerificationView> = {}): VerificationView {
  return {
    id: verificationId,
    status: 'in_progress',
    callLanguage: 'da',
    maskedCpr: '120368-XXXX',
    documentType: 'passport',
    startedAt: '2026-11-25T09:00:00.000Z',
    expiresAt: '2026-11-25T09:15:00.000Z',
    endedAt: null,
    progress: { answered: q.number - 1, maxQuestions: 6 },
    currentQuestion: q,
    outcome: null,
    notices: [],
    code: { status: 'none', maskedMobile: null, expiresAt: null, maxAttempts: null },
    redFlags: [],
    cosign: null,
    phoneCall: null,
    ...overrides,
  };
}

export function ended(
  status: VerificationView['status'],
  reason: NonNullable<VerificationView['outcome']>['reason'],
  overrides: Partial<VerificationView> = {},
): VerificationView {
  return {
    ...inProgress(question(4)),
    status,
    endedAt: '2026-11-25T09:06:00.000Z',
    currentQuestion: null,
    progress: { answered: 4, maxQuestions: 6 },
    outcome: { reason },
    ...overrides,
  };
}

/** A promise the test settles by hand: the call stays "pending" until then. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
