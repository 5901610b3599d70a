// Caller verification: identify, ask, answer, decide (issue: verification engine).
// What the agent sees is a VerificationView: never an expected answer, a hint, or a per-question result.
import { z } from 'zod';
import { maxAnswerLength } from '../../domain/answers/index';
import { cosignReasons, redFlagKinds } from '../../domain/cosign/index';
import { callIdSchema, callerNumberSchema, phoneCallSchema } from '../../domain/phone-call/index';
import { defineOperation } from '../define';

export const documentTypeSchema = z.enum(['passport', 'driving_licence']);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const callLanguageSchema = z.enum(['da', 'en']);
export type CallLanguage = z.infer<typeof callLanguageSchema>;

/** Who the caller says they are: a CPR number (any common spelling) or a MitID user ID. */
export const callerClaimSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cpr'), cpr: z.string().trim().min(1).max(20) }),
  z.object({ kind: z.literal('userId'), userId: z.string().trim().min(1).max(48) }),
]);
export type CallerClaim = z.infer<typeof callerClaimSchema>;

export const documentClaimSchema = z.object({
  type: documentTypeSchema,
  number: z.string().trim().min(1).max(20),
});
export type DocumentClaim = z.infer<typeof documentClaimSchema>;

/** The kinds of questions the engine draws from the register. */
export const questionKindSchema = z.enum([
  'earlier_address',
  'address_move_in',
  'address_move_out',
  'current_move_in',
  'municipality_in_year',
  'country_in_year',
  'parent_first_name',
  'spouse_first_name',
  'marriage_year',
  'divorce_year',
  'child_first_name',
  'child_birth_year',
  'place_of_birth',
  'former_surname',
]);
export type QuestionKind = z.infer<typeof questionKindSchema>;

/** What kind of input the console offers for the answer. */
export const answerFormatSchema = z.enum(['address', 'year', 'month_year', 'name', 'municipality', 'place']);
export type AnswerFormat = z.infer<typeof answerFormatSchema>;

/**
 * A question as the agent sees it: the kind, the parameters the script line needs (a year, a street
 * name, "mother"/"father") and never the answer. The console renders the script line in the call language.
 */
export const questionViewSchema = z.object({
  id: z.string(),
  kind: questionKindSchema,
  answerFormat: answerFormatSchema,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** 1-based position of this question in the call. */
  number: z.number().int().positive(),
});
export type QuestionView = z.infer<typeof questionViewSchema>;

export const verificationStatusSchema = z.enum(['in_progress', 'passed', 'failed', 'refer', 'aborted', 'expired']);
export type VerificationStatus = z.infer<typeof verificationStatusSchema>;

/** Why a verification ended as it did; the console shows the matching guidance and script line. */
export const outcomeReasonSchema = z.enum([
  'passed',
  'identity_not_verified',
  'too_few_correct',
  'locked_out',
  'deceased',
  'emigrated',
  'disappeared',
  'no_mitid',
  'insufficient_register_data',
  'mobile_recently_changed',
  'expired',
  'caller_hung_up',
  'suspected_fraud',
  'other',
  /** A supervisor denied the co-sign of the code, or nobody answered within the policy's time. */
  'cosign_denied',
  'cosign_timeout',
]);
export type OutcomeReason = z.infer<typeof outcomeReasonSchema>;

export const abortReasonSchema = z.enum(['caller_hung_up', 'suspected_fraud', 'other']);
/** The agent's optional note on an aborted call (no personal data; the console says so). */
export const abortNoteSchema = z.string().trim().max(500);
export type AbortReason = z.infer<typeof abortReasonSchema>;

export const codeStatusSchema = z.enum(['none', 'sent', 'delivery_failed', 'redeemed', 'expired', 'superseded', 'revoked', 'blocked']);
export type CodeStatus = z.infer<typeof codeStatusSchema>;

/** The activation code as the agent sees it: never the code itself. */
export const codeViewSchema = z.object({
  status: codeStatusSchema,
  /** e.g. "+45 •• •• •• 12" */
  maskedMobile: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  maxAttempts: z.number().int().positive().nullable(),
});
export type CodeView = z.infer<typeof codeViewSchema>;

export const redFlagKindSchema = z.enum(redFlagKinds);
export const cosignReasonSchema = z.enum(cosignReasons);
export const cosignStatusSchema = z.enum(['pending', 'approved', 'denied', 'expired']);
export type CosignStatus = z.infer<typeof cosignStatusSchema>;

/** A code waiting for (or decided by) a supervisor's co-sign, as the agent sees it. */
export const cosignViewSchema = z.object({
  status: cosignStatusSchema,
  reasons: z.array(cosignReasonSchema),
  requestedAt: z.iso.datetime(),
  /** Unanswered until then, the request becomes a referral. */
  expiresAt: z.iso.datetime(),
});
export type CosignView = z.infer<typeof cosignViewSchema>;

export const verificationViewSchema = z.object({
  id: z.string(),
  status: verificationStatusSchema,
  callLanguage: callLanguageSchema,
  /** DDMMYY-XXXX once the caller is identified; null while unknown or not verified. */
  maskedCpr: z.string().nullable(),
  documentType: documentTypeSchema,
  startedAt: z.iso.datetime(),
  /** An unfinished verification expires when unanswered until this time (policy: 15 minutes). */
  expiresAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  progress: z.object({ answered: z.number().int().min(0), maxQuestions: z.number().int().positive() }),
  currentQuestion: questionViewSchema.nullable(),
  /** Set when the verification has ended. */
  outcome: z.object({ reason: outcomeReasonSchema }).nullable(),
  /** Register facts that change what the agent may ask or say (e.g. name/address protection). */
  notices: z.array(z.enum(['name_address_protection'])),
  code: codeViewSchema,
  /** What the agent flagged during the call (forces co-sign; the outcome screen offers the fraud script). */
  redFlags: z.array(redFlagKindSchema),
  /** The co-sign request of the code, once one was needed. */
  cosign: cosignViewSchema.nullable(),
  /** The phone system's call (screen pop): its call ID and what the caller's number says; null for a call typed in by hand. */
  phoneCall: z.object({ callId: callIdSchema, callerNumber: callerNumberSchema }).nullable(),
});
export type VerificationView = z.infer<typeof verificationViewSchema>;

export const verificationIdSchema = z.string().uuid();

export const startVerification = defineOperation({
  name: 'startVerification',
  method: 'POST',
  path: '/api/verifications',
  summary:
    'Identify the caller by CPR number or MitID user ID and a document; on success the first question. Any identification failure answers "could not be verified" and counts as an attempt.',
  access: ['agent'],
  input: z.object({
    caller: callerClaimSchema,
    document: documentClaimSchema,
    callLanguage: callLanguageSchema.default('da'),
    /** From the phone system's screen pop: the call ID is stored, the number only classified (never stored). */
    phoneCall: phoneCallSchema.optional(),
  }),
  output: verificationViewSchema,
});

export const getVerification = defineOperation({
  name: 'getVerification',
  method: 'GET',
  path: '/api/verifications/:id',
  summary: 'The current state of one of your verifications (to resume after a restart).',
  access: ['agent'],
  input: z.object({ id: verificationIdSchema }),
  output: verificationViewSchema,
});

export const answerQuestion = defineOperation({
  name: 'answerQuestion',
  method: 'POST',
  path: '/api/verifications/:id/answers',
  summary:
    'Answer the current question (scored, then discarded). Answering an already answered question again returns the current state without scoring twice.',
  access: ['agent'],
  input: z.object({
    id: verificationIdSchema,
    questionId: z.string().min(1).max(64),
    answer: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(maxAnswerLength) }),
      z.object({ kind: z.literal('dont_know') }),
    ]),
  }),
  output: verificationViewSchema,
});

export const abortVerification = defineOperation({
  name: 'abortVerification',
  method: 'POST',
  path: '/api/verifications/:id/abort',
  summary: 'End a verification early with a reason.',
  access: ['agent'],
  input: z.object({ id: verificationIdSchema, reason: abortReasonSchema, note: abortNoteSchema.optional() }),
  output: verificationViewSchema,
});

export const myVerificationSchema = z.object({
  id: z.string(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  status: verificationStatusSchema,
  outcome: outcomeReasonSchema.nullable(),
  maskedCpr: z.string().nullable(),
  documentType: documentTypeSchema,
  codeStatus: codeStatusSchema,
});
export type MyVerification = z.infer<typeof myVerificationSchema>;

export const listMyVerifications = defineOperation({
  name: 'listMyVerifications',
  method: 'GET',
  path: '/api/my/verifications',
  summary: "The signed-in agent's verifications of today, newest first.",
  access: ['agent'],
  input: z.object({}),
  output: z.object({ items: z.array(myVerificationSchema) }),
});

export const raiseRedFlag = defineOperation({
  name: 'raiseRedFlag',
  method: 'POST',
  path: '/api/verifications/:id/red-flags',
  summary:
    'Record what the agent notices during the call (caller under pressure, someone prompting, answers read aloud, a third party calling). Forces co-sign of the code; raising one twice records it once.',
  access: ['agent'],
  input: z.object({ id: verificationIdSchema, kind: redFlagKindSchema }),
  output: verificationViewSchema,
});

export const verificationOperations = {
  startVerification,
  getVerification,
  answerQuestion,
  abortVerification,
  listMyVerifications,
  raiseRedFlag,
} as const;
