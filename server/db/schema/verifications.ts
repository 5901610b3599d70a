// Verifications, the questions asked in them, activation codes and velocity signals.
// No CPR number in clear here (only HMACs, a sealed copy and the masked form), and never an answer text.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  answerFormatSchema,
  callLanguageSchema,
  documentTypeSchema,
  outcomeReasonSchema,
  questionKindSchema,
  verificationStatusSchema,
} from '../../../shared/api/index';
import type { RedFlagKind } from '../../../shared/domain/cosign/index';
import { callerNumberSchema } from '../../../shared/domain/phone-call/index';
import { enumValues, oneOf } from './one-of';
import { users } from './users';

// Columns with a CHECK constraint change only through a migration. Outcome reasons and question kinds
// grow with the question bank, so they are typed in code but not constrained in the database.
// 'sending': a remote SMS gateway call in flight (the row commits before the POST).
export const deliveryStatuses = ['sending', 'sent', 'delivery_failed'] as const;
export const velocitySignalKinds = ['person_multi_agent', 'document_multi_person'] as const;

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const verifications = pgTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    agentId: text('agent_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: enumValues(verificationStatusSchema) }).notNull(),
    /** Set once ended. */
    outcomeReason: text('outcome_reason', { enum: enumValues(outcomeReasonSchema) }),
    callLanguage: text('call_language', { enum: enumValues(callLanguageSchema) }).notNull(),
    documentType: text('document_type', { enum: enumValues(documentTypeSchema) }).notNull(),
    /** HMAC of the normalised document number: "one document tried for several persons" without storing it. */
    documentHmac: text('document_hmac').notNull(),
    /** HMAC of the CPR number the caller claimed (or that the user ID resolved to); null when none resolved. */
    subjectHmac: text('subject_hmac'),
    /** Whether CPR/user ID and document matched one person in the register. */
    identified: boolean('identified').notNull().default(false),
    /** The claimed CPR number sealed with AES-GCM (server key): for resuming, and for a supervisor's reveal. */
    cprSealed: text('cpr_sealed'),
    /** DDMMYY-XXXX. */
    maskedCpr: text('masked_cpr'),
    /** The policy in force when the verification started: later changes apply to new verifications only. */
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull(),
    /** Engine-internal plan of the questions still to ask (kinds and register references, never answers in clear). */
    plan: jsonb('plan').$type<unknown>(),
    answeredCount: integer('answered_count').notNull().default(0),
    maxQuestions: integer('max_questions').notNull(),
    correctCount: integer('correct_count').notNull().default(0),
    /** Sum of strength × score over answered questions, and the sum of strengths asked. */
    scoreWeight: real('score_weight').notNull().default(0),
    totalWeight: real('total_weight').notNull().default(0),
    /** Bumped by every state change: answers compare-and-set on it, so two agents cannot both advance. */
    version: integer('version').notNull().default(0),
    startedAt: instant('started_at').notNull(),
    lastActivityAt: instant('last_activity_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    endedAt: instant('ended_at'),
    abortNote: text('abort_note'),
    flagged: boolean('flagged').notNull().default(false),
    flagReason: text('flag_reason'),
    /** What the agent flagged during the call (shared/domain/cosign RedFlagKind), in the order raised. */
    redFlags: jsonb('red_flags').$type<RedFlagKind[]>().notNull().default([]),
    /** The phone system's call ID from the screen pop (finds the recording); null for a call typed in by hand. */
    callId: text('call_id'),
    /** What the caller's number said, as a class: the number itself is never stored (README, screen pop). */
    callerNumber: text('caller_number', { enum: enumValues(callerNumberSchema) }),
  },
  (t) => [
    index('verifications_agent_started_idx').on(t.agentId, t.startedAt),
    index('verifications_subject_started_idx').on(t.subjectHmac, t.startedAt),
    index('verifications_document_started_idx').on(t.documentHmac, t.startedAt),
    index('verifications_started_idx').on(t.startedAt),
    index('verifications_status_idx').on(t.status, t.startedAt),
    // Flagged rows are few (review follow-ups): a partial index serves the "flagged" filter and its count.
    index('verifications_flagged_started_idx').on(t.startedAt).where(sql`${t.flagged}`),
    // Red-flagged calls are few too: the same for the log's "red flag" filter (the predicate the query spells).
    index('verifications_red_flagged_started_idx').on(t.startedAt).where(sql`${t.redFlags} <> '[]'::jsonb`),
    check('verifications_status_check', oneOf(t.status, verificationStatusSchema.options)),
    check('verifications_call_language_check', oneOf(t.callLanguage, callLanguageSchema.options)),
    check('verifications_document_type_check', oneOf(t.documentType, documentTypeSchema.options)),
    check('verifications_caller_number_check', oneOf(t.callerNumber, callerNumberSchema.options)),
    // The supervisor's "call ID" search: exact, and few rows per ID.
    index('verifications_call_id_idx').on(t.callId),
  ],
);

/** One row per question asked: its kind, strength, score and time taken. Never the answer text. */
export const verificationQuestions = pgTable(
  'verification_questions',
  {
    verificationId: text('verification_id')
      .notNull()
      .references(() => verifications.id),
    seq: integer('seq').notNull(),
    questionId: text('question_id').notNull(),
    kind: text('kind', { enum: enumValues(questionKindSchema) }).notNull(),
    answerFormat: text('answer_format', { enum: enumValues(answerFormatSchema) }).notNull(),
    /** What the script line needs (a year, a street name); never the expected answer. */
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    strength: real('strength').notNull(),
    askedAt: instant('asked_at').notNull(),
    answeredAt: instant('answered_at'),
    /** 0..1, null until answered. */
    score: real('score'),
    dontKnow: boolean('dont_know'),
    timeTakenMs: integer('time_taken_ms'),
  },
  (t) => [primaryKey({ columns: [t.verificationId, t.seq] }), uniqueIndex('verification_questions_qid_key').on(t.questionId)],
);

/** Activation codes: stored only as an HMAC; consumed by one conditional UPDATE. */
export const activationCodes = pgTable(
  'activation_codes',
  {
    id: text('id').primaryKey(),
    verificationId: text('verification_id')
      .notNull()
      .references(() => verifications.id),
    /** MitID user ID, lower-case. */
    mitidUserId: text('mitid_user_id').notNull(),
    subjectHmac: text('subject_hmac').notNull(),
    codeHmac: text('code_hmac').notNull(),
    issuedBy: text('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: instant('issued_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    usedAt: instant('used_at'),
    revokedAt: instant('revoked_at'),
    /** superseded | supervisor | delivery_failed … */
    revokeReason: text('revoke_reason'),
    revokedBy: text('revoked_by'),
    /** CodeStatus before redemption/expiry, which are derived from the columns above. */
    deliveryStatus: text('delivery_status', { enum: deliveryStatuses }).notNull(),
    maskedMobile: text('masked_mobile'),
    /** When an expiry was first observed and audited (expiry is lazy: nothing runs at expires_at). */
    expiryRecordedAt: instant('expiry_recorded_at'),
  },
  (t) => [
    uniqueIndex('activation_codes_verification_key').on(t.verificationId),
    index('activation_codes_user_idx').on(t.mitidUserId, t.issuedAt),
    index('activation_codes_active_idx')
      .on(t.mitidUserId)
      .where(sql`${t.usedAt} is null and ${t.revokedAt} is null`),
    check('activation_codes_delivery_status_check', oneOf(t.deliveryStatus, deliveryStatuses)),
  ],
);

/** Signals for supervisors: one person tried by several agents, one document tried for several persons. */
export const velocitySignals = pgTable(
  'velocity_signals',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: velocitySignalKinds }).notNull(),
    verificationId: text('verification_id')
      .notNull()
      .references(() => verifications.id),
    subjectHmac: text('subject_hmac'),
    documentHmac: text('document_hmac'),
    detectedAt: instant('detected_at').notNull(),
    /** Counts and agent ids only. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  },
  // verification_id: the log counts each row's signals, so this lookup runs 50 times a page.
  (t) => [
    index('velocity_signals_detected_idx').on(t.detectedAt),
    index('velocity_signals_verification_idx').on(t.verificationId),
    check('velocity_signals_kind_check', oneOf(t.kind, velocitySignalKinds)),
  ],
);
