// Supervisor review, person access log, watch, export, integrity, policy (issue: supervisor console).
// Each operation is a defineOperation(...) export, listed in the object at the bottom.
// A CPR number typed by a supervisor only ever travels in a POST body: never in a URL (logs, history).
import { z } from 'zod';
import { codesPolicySchema, cosignPolicySchema, sessionPolicySchema, verificationPolicySchema, watchPolicySchema } from '../../domain/policy/index';
import { callIdSchema, callerNumberSchema } from '../../domain/phone-call/index';
import { defineOperation, roleSchema } from '../define';
import {
  codeStatusSchema,
  documentTypeSchema,
  outcomeReasonSchema,
  questionKindSchema,
  verificationIdSchema,
  cosignStatusSchema,
  redFlagKindSchema,
  verificationStatusSchema,
} from './verification';

const supervisor = ['supervisor'] as const;

/** A CPR number typed in full (DDMMYY-SSSS, hyphen and spaces optional). No modulus-11 check (cpr.dk). */
export const fullCprSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{10}$/, 'ten digits'));

/** Why a supervisor looks at something protected: long enough to mean something in the audit log. */
export const reasonSchema = z.string().trim().min(10, 'at least 10 characters').max(500);

const isoDateTime = z.iso.datetime();

// ---------------------------------------------------------------- the verification log

export const logCosignFilterSchema = z.enum(['requested', ...cosignStatusSchema.options]);
export type LogCosignFilter = z.infer<typeof logCosignFilterSchema>;

export const verificationFilterSchema = z.object({
  /** started at or after */
  from: isoDateTime.optional(),
  /** started before */
  to: isoDateTime.optional(),
  agentId: z.string().min(1).max(100).optional(),
  status: verificationStatusSchema.optional(),
  flagged: z.boolean().optional(),
  /** Matched through the subject HMAC; never stored or logged. */
  cpr: fullCprSchema.optional(),
  /** The phone system's call ID, exactly (to find the verification of a recording, or the reverse). */
  callId: z.string().trim().pipe(callIdSchema).optional(),
  /** Co-sign state: `requested` is any request, whatever became of it; a pending request past its time counts as expired. */
  cosign: logCosignFilterSchema.optional(),
  /** Whether the agent raised a red flag on the call. */
  redFlagged: z.boolean().optional(),
});
export type VerificationFilter = z.infer<typeof verificationFilterSchema>;
export type VerificationFilterInput = z.input<typeof verificationFilterSchema>;

export const verificationSortFieldSchema = z.enum(['startedAt', 'agent', 'status', 'questions', 'score', 'duration']);
export type VerificationSortField = z.infer<typeof verificationSortFieldSchema>;

export const verificationSortSchema = z.object({
  field: verificationSortFieldSchema.default('startedAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
});
export type VerificationSort = z.infer<typeof verificationSortSchema>;

export const agentRefSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string() });
export type AgentRef = z.infer<typeof agentRefSchema>;

export const verificationLogRowSchema = z.object({
  id: z.string(),
  startedAt: isoDateTime,
  endedAt: isoDateTime.nullable(),
  agent: agentRefSchema,
  /** DDMMYY-XXXX, null when the caller was never identified. */
  maskedCpr: z.string().nullable(),
  documentType: documentTypeSchema,
  questionsAsked: z.number().int().min(0),
  /** Weighted score of the answered questions, 0-100; null before any answer. */
  scorePercent: z.number().min(0).max(100).nullable(),
  status: verificationStatusSchema,
  outcome: outcomeReasonSchema.nullable(),
  codeStatus: codeStatusSchema,
  durationSeconds: z.number().min(0).nullable(),
  flagged: z.boolean(),
  velocitySignals: z.number().int().min(0),
  /** The phone system's call ID (screen pop); null for a call typed in by hand. */
  callId: z.string().nullable(),
  /** What the caller's number said (a signal, never proof); null without a screen pop. */
  callerNumber: callerNumberSchema.nullable(),
  /** The co-sign request's state (a pending one past its time reads expired); null when the code needed none. */
  cosignStatus: cosignStatusSchema.nullable(),
  /** What the agent flagged during the call, in the order raised. */
  redFlags: z.array(redFlagKindSchema),
});
export type VerificationLogRow = z.infer<typeof verificationLogRowSchema>;

/** Counting stops here: an exact count of a million rows costs more than the page itself. */
export const countLimit = 10_000;

export const listVerifications = defineOperation({
  name: 'listVerifications',
  method: 'POST',
  path: '/api/supervision/verifications/search',
  summary: 'Every verification, filtered, sorted and paged on the server (POST: the CPR filter stays out of URLs).',
  access: supervisor,
  input: z.object({
    filter: verificationFilterSchema.default({}),
    sort: verificationSortSchema.default({ field: 'startedAt', direction: 'desc' }),
    page: z.number().int().min(0).max(100_000).default(0),
    pageSize: z.number().int().min(1).max(100).default(25),
  }),
  output: z.object({
    items: z.array(verificationLogRowSchema),
    /** Exact up to countLimit; beyond it `totalIsLowerBound` is true. */
    total: z.number().int().min(0),
    totalIsLowerBound: z.boolean(),
  }),
});

export const listAgents = defineOperation({
  name: 'listAgents',
  method: 'GET',
  path: '/api/supervision/agents',
  summary: 'The console users who can make verifications (for filters).',
  access: supervisor,
  input: z.object({}),
  output: z.object({ items: z.array(agentRefSchema.extend({ role: roleSchema })) }),
});

// ---------------------------------------------------------------- one verification

export const actorRefSchema = z.object({
  /** A user id, 'system' or 'public'. */
  id: z.string(),
  displayName: z.string().nullable(),
});

export const auditEventViewSchema = z.object({
  seq: z.number().int().positive(),
  occurredAt: isoDateTime,
  actor: actorRefSchema,
  action: z.string(),
  verificationId: z.string().nullable(),
  /** Facts about the event; the audit log holds no personal data. */
  payload: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;

export const reviewQuestionSchema = z.object({
  seq: z.number().int().positive(),
  kind: questionKindSchema,
  strength: z.number(),
  /** 0..1; null while unanswered. Never the answer text. */
  score: z.number().min(0).max(1).nullable(),
  dontKnow: z.boolean().nullable(),
  askedAt: isoDateTime,
  answeredAt: isoDateTime.nullable(),
  timeTakenMs: z.number().int().min(0).nullable(),
});
export type ReviewQuestion = z.infer<typeof reviewQuestionSchema>;

export const reviewCodeSchema = z.object({
  status: codeStatusSchema,
  issuedAt: isoDateTime,
  issuedBy: actorRefSchema,
  expiresAt: isoDateTime,
  attempts: z.number().int().min(0),
  maxAttempts: z.number().int().positive(),
  usedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
  revokeReason: z.string().nullable(),
  maskedMobile: z.string().nullable(),
});
export type ReviewCode = z.infer<typeof reviewCodeSchema>;

export const reviewNoteSchema = z.object({
  id: z.string(),
  author: actorRefSchema,
  createdAt: isoDateTime,
  text: z.string(),
});
export type ReviewNote = z.infer<typeof reviewNoteSchema>;

export const velocitySignalViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  detectedAt: isoDateTime,
  details: z.record(z.string(), z.unknown()),
});

export const verificationDetailSchema = z.object({
  summary: verificationLogRowSchema,
  identified: z.boolean(),
  callLanguage: z.string(),
  expiresAt: isoDateTime,
  maxQuestions: z.number().int().min(0),
  correctCount: z.number().int().min(0),
  /** Whether a sealed CPR number is kept, so a reveal can work. */
  cprRevealable: z.boolean(),
  questions: z.array(reviewQuestionSchema),
  code: reviewCodeSchema.nullable(),
  notes: z.array(reviewNoteSchema),
  flag: z.object({ flagged: z.boolean(), reason: z.string().nullable() }),
  velocitySignals: z.array(velocitySignalViewSchema),
  timeline: z.array(auditEventViewSchema),
});
export type VerificationDetail = z.infer<typeof verificationDetailSchema>;

export const getVerificationDetail = defineOperation({
  name: 'getVerificationDetail',
  method: 'GET',
  path: '/api/supervision/verifications/:id',
  summary: 'One verification for review: questions (kind, strength, score, time), outcome, code life, notes, flags, and its audit timeline.',
  access: supervisor,
  input: z.object({ id: verificationIdSchema }),
  output: verificationDetailSchema,
});

export const addReviewNote = defineOperation({
  name: 'addReviewNote',
  method: 'POST',
  path: '/api/supervision/verifications/:id/notes',
  summary: 'Add a review note to a verification (an audit event; the note text stays out of the audit log).',
  access: supervisor,
  input: z.object({ id: verificationIdSchema, text: z.string().trim().min(1).max(2000) }),
  output: reviewNoteSchema,
});

export const setVerificationFlag = defineOperation({
  name: 'setVerificationFlag',
  method: 'POST',
  path: '/api/supervision/verifications/:id/flag',
  summary: 'Flag a verification for follow-up, or clear its flag, with a reason (an audit event).',
  access: supervisor,
  input: z.object({ id: verificationIdSchema, flagged: z.boolean(), reason: z.string().trim().min(3).max(500) }),
  output: z.object({ flagged: z.boolean(), reason: z.string().nullable() }),
});

export const revealCpr = defineOperation({
  name: 'revealCpr',
  method: 'POST',
  path: '/api/supervision/verifications/:id/reveal-cpr',
  summary: 'The full CPR number of a verification, after a reason. Who, when and why are written to the audit log.',
  access: supervisor,
  input: z.object({ id: verificationIdSchema, reason: reasonSchema }),
  output: z.object({ cpr: z.string().regex(/^\d{6}-\d{4}$/) }),
});

// ---------------------------------------------------------------- person access log (GDPR Art. 15)

export const personAccessLog = defineOperation({
  name: 'personAccessLog',
  method: 'POST',
  path: '/api/supervision/person-access-log',
  summary:
    'Every audit event that concerns one person (by subject HMAC): verifications, codes, reveals, who and when. The lookup itself is an audit event.',
  access: supervisor,
  input: z.object({ cpr: fullCprSchema, reason: reasonSchema }),
  output: z.object({
    maskedCpr: z.string(),
    generatedAt: isoDateTime,
    events: z.array(auditEventViewSchema),
  }),
});

// ---------------------------------------------------------------- watch

const hourBucketSchema = z.object({ hour: isoDateTime, total: z.number().int(), passed: z.number().int() });
const agentStatSchema = z.object({
  agent: agentRefSchema,
  total: z.number().int(),
  ended: z.number().int(),
  passed: z.number().int(),
  /** passed / ended, 0..1; null with nothing ended. */
  passRate: z.number().nullable(),
});
export type AgentStat = z.infer<typeof agentStatSchema>;

export const watchStatsSchema = z.object({
  from: isoDateTime,
  to: isoDateTime,
  perHour: z.array(hourBucketSchema),
  perAgent: z.array(agentStatSchema),
  anomalies: z.object({
    /** Agents whose pass rate is far (z-score) from their peers'. */
    agentPassRate: z.array(agentStatSchema.extend({ peerRate: z.number(), zScore: z.number() })),
    /** One person attempted repeatedly, or by several agents. */
    repeatedPersons: z.array(
      z.object({
        maskedCpr: z.string().nullable(),
        attempts: z.number().int(),
        agents: z.number().int(),
        lastAt: isoDateTime,
        lastVerificationId: z.string(),
      }),
    ),
    /** One document number tried for several persons (velocity signals). */
    documentReuse: z.array(
      z.object({ verificationId: z.string(), detectedAt: isoDateTime, persons: z.number().int().nullable(), maskedCpr: z.string().nullable() }),
    ),
    /** Codes issued outside the opening hours of the policy. */
    offHoursCodes: z.array(z.object({ verificationId: z.string(), issuedAt: isoDateTime, agent: agentRefSchema })),
    /** Agents whose issued codes are left unredeemed unusually often. */
    unredeemedCodes: z.array(
      z.object({ agent: agentRefSchema, issued: z.number().int(), unredeemed: z.number().int(), rate: z.number(), peerRate: z.number() }),
    ),
  }),
  openingHours: z.object({ start: z.string(), end: z.string(), timeZone: z.string() }),
});
export type WatchStats = z.infer<typeof watchStatsSchema>;

export const getWatchStats = defineOperation({
  name: 'getWatchStats',
  method: 'GET',
  path: '/api/supervision/watch',
  summary: 'Verifications and pass rate per hour and per agent in a time window, and the anomaly lists.',
  access: supervisor,
  input: z.object({ from: isoDateTime, to: isoDateTime }),
  output: watchStatsSchema,
});

// ---------------------------------------------------------------- export

/** An IANA time zone this runtime knows ("Europe/Copenhagen"). */
const timeZoneSchema = z.string().min(1).max(64).refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone');

/**
 * How the CSV is written. `danish`: semicolon-separated with decimal commas, as Danish Excel opens it
 * by double-click; `international`: comma-separated with decimal points. Both start with a BOM and
 * give times (and the file name) in `timeZone` with their UTC offset, as the console shows them.
 */
export const exportFormatSchema = z.object({
  style: z.enum(['danish', 'international']).default('international'),
  timeZone: timeZoneSchema.default('UTC'),
});
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const createVerificationExport = defineOperation({
  name: 'createVerificationExport',
  method: 'POST',
  path: '/api/supervision/exports',
  summary:
    'Prepare a CSV export of the filtered log: answers a one-time ticket (valid for a minute) for the streaming download GET /api/exports/verifications.csv?ticket=…',
  access: supervisor,
  input: z.object({
    filter: verificationFilterSchema.default({}),
    sort: verificationSortSchema.default({ field: 'startedAt', direction: 'desc' }),
    format: exportFormatSchema.default({ style: 'international', timeZone: 'UTC' }),
  }),
  output: z.object({ ticket: z.string(), downloadPath: z.string(), expiresAt: isoDateTime }),
});

export const exportDownloadPath = '/api/exports/verifications.csv';

// ---------------------------------------------------------------- integrity

/** How a link of the audit chain is broken: an event missing, a wrong prev_hash, or content that does not match its hash. */
export const chainBreakSchema = z.enum(['missing', 'prev_hash', 'hash', 'truncated', 'rewritten', 'witness', 'trigger', 'staged']);
export type ChainBreak = z.infer<typeof chainBreakSchema>;

export const verifyAuditRange = defineOperation({
  name: 'verifyAuditRange',
  method: 'POST',
  path: '/api/supervision/audit/verify',
  summary:
    'Check the audit chain from `fromSeq` for up to `limit` events (the client drives the ranges, so progress needs no server state). The last range writes the result to the audit log.',
  access: supervisor,
  input: z.object({
    fromSeq: z.number().int().min(1).default(1),
    limit: z.number().int().min(1).max(50_000).default(5_000),
  }),
  output: z.object({
    checked: z.number().int().min(0),
    /** Where the next range starts. */
    nextSeq: z.number().int().min(1),
    /** The head of the chain when this range was read. */
    headSeq: z.number().int().min(0),
    done: z.boolean(),
    ok: z.boolean(),
    brokenAt: z.object({ seq: z.number().int(), kind: chainBreakSchema, reason: z.string() }).nullable(),
    /** Hash of the last event checked (the chain head once done). */
    lastHash: z.string().nullable(),
    /** Once done: events staged by group commit but not chained yet, and the oldest one's age in seconds. */
    staged: z.object({ count: z.number().int().min(0), oldestSeconds: z.number().int().min(0) }).nullable().default(null),
  }),
});

export const auditCheckpointSchema = z.object({
  format: z.literal('mitid-support-audit-checkpoint/1'),
  seq: z.number().int().min(0),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: isoDateTime,
  /** Ed25519 public key, SPKI DER in base64. */
  publicKey: z.string().min(1).max(200),
  /** Ed25519 signature over the canonical JSON of format, seq, headHash and createdAt, base64. */
  signature: z.string().min(1).max(200),
});
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

export const createAuditCheckpoint = defineOperation({
  name: 'createAuditCheckpoint',
  method: 'POST',
  path: '/api/supervision/audit/checkpoints',
  summary: "A signed checkpoint of the audit chain head (seq, hash, time) with the server's Ed25519 public key, to keep outside the system.",
  access: supervisor,
  input: z.object({}),
  output: auditCheckpointSchema,
});

export const verifyAuditCheckpoint = defineOperation({
  name: 'verifyAuditCheckpoint',
  method: 'POST',
  path: '/api/supervision/audit/checkpoints/verify',
  summary: 'Whether the audit chain today extends a checkpoint exported earlier (signature, then the chain up to it).',
  access: supervisor,
  input: z.object({ checkpoint: auditCheckpointSchema }),
  output: z.object({
    ok: z.boolean(),
    /** What is wrong, for the console to say in its language; `reason` says it in English. */
    problem: z.enum(['signature', 'other_key', 'not_genesis', 'missing', 'prev_hash', 'hash', 'rewritten', 'ends_before']).nullable(),
    /** The event the problem is at, if any. */
    problemSeq: z.number().int().nullable(),
    reason: z.string().nullable(),
    headSeq: z.number().int().min(0),
  }),
});

// ---------------------------------------------------------------- policy

const verification = verificationPolicySchema.shape;
const codes = codesPolicySchema.shape;
const threshold = verification.passThreshold.unwrap();
const cosign = cosignPolicySchema.shape;

/**
 * What a supervisor may tune. The bounds that keep it safe (no pass threshold of 0, no 1-digit code)
 * are the policy document's own (shared/domain/policy), without its defaults: every field is required
 * here. The server maps it onto the document's sections.
 */
export const editablePolicySchema = z
  .object({
    verification: z.object({
      questionCount: verification.questionCount.unwrap(),
      extraQuestions: verification.extraQuestions.unwrap(),
      /** Share of the asked questions' strength weight the answers must earn, in whole percent. */
      passThresholdPercent: z
        .number()
        .int()
        .min(Math.round((threshold.minValue ?? 0) * 100))
        .max(Math.round((threshold.maxValue ?? 1) * 100)),
      minCorrect: verification.minCorrect.unwrap(),
      /** Base questions an acquaintance could answer (family names, wedding year, birthplace), at most. */
      maxAcquaintanceQuestions: verification.maxAcquaintanceQuestions.unwrap(),
      /**
       * The same when the register holds too few private facts; the private minimum still applies (the draw
       * holds it at questionCount − minPrivateCorrect, so a smaller questionCount needs no change here).
       */
      maxAcquaintanceQuestionsWhenThin: verification.maxAcquaintanceQuestionsWhenThin.unwrap(),
      /** Fully correct answers to private questions (earlier addresses, move months …) a pass needs. */
      minPrivateCorrect: verification.minPrivateCorrect.unwrap(),
      /** Failed verifications of one person within the window after which new ones are referred. */
      lockoutFailures: verification.lockoutFailures.unwrap(),
      lockoutWindowHours: verification.lockoutWindowHours.unwrap(),
      timeoutMinutes: verification.timeoutMinutes.unwrap(),
    }),
    codes: z.object({
      length: codes.length.unwrap(),
      lifetimeMinutes: codes.lifetimeMinutes.unwrap(),
      maxAttempts: codes.maxAttempts.unwrap(),
    }),
    session: z.object({ consoleLockMinutes: sessionPolicySchema.shape.consoleLockMinutes.unwrap() }),
    watch: z.object({ openingHoursStart: watchPolicySchema.shape.openingHoursStart.unwrap(), openingHoursEnd: watchPolicySchema.shape.openingHoursEnd.unwrap() }),
    /** Which triggers need a supervisor's co-sign, and how long a request waits (the red flag always does). */
    cosign: z.object({
      onVelocitySignal: cosign.onVelocitySignal.unwrap(),
      onNameAddressProtection: cosign.onNameAddressProtection.unwrap(),
      borderlineMarginPercent: cosign.borderlineMarginPercent.unwrap(),
      outsideOpeningHours: cosign.outsideOpeningHours.unwrap(),
      timeoutMinutes: cosign.timeoutMinutes.unwrap(),
    }),
  })
  .refine((p) => p.verification.minCorrect <= p.verification.questionCount, {
    message: 'cannot exceed the number of questions',
    path: ['verification', 'minCorrect'],
  })
  .refine((p) => p.verification.minPrivateCorrect <= p.verification.minCorrect, {
    message: 'cannot exceed the minimum of fully correct answers',
    path: ['verification', 'minPrivateCorrect'],
  })
  .refine((p) => p.verification.maxAcquaintanceQuestions < p.verification.questionCount, {
    message: 'must be below the number of questions',
    path: ['verification', 'maxAcquaintanceQuestions'],
  })
  .refine((p) => p.watch.openingHoursStart < p.watch.openingHoursEnd, {
    message: 'must be after the opening time',
    path: ['watch', 'openingHoursEnd'],
  });
export type EditablePolicy = z.infer<typeof editablePolicySchema>;

const policyStateSchema = z.object({
  policy: editablePolicySchema,
  updatedAt: isoDateTime.nullable(),
  updatedBy: actorRefSchema.nullable(),
});

export const getPolicy = defineOperation({
  name: 'getPolicy',
  method: 'GET',
  path: '/api/supervision/policy',
  summary: 'The verification, code, session and watch policy in force.',
  access: supervisor,
  input: z.object({}),
  output: policyStateSchema,
});

export const updatePolicy = defineOperation({
  name: 'updatePolicy',
  method: 'PUT',
  path: '/api/supervision/policy',
  summary: 'Change the policy, with a reason (an audit event). New verifications use it; running ones keep their snapshot.',
  access: supervisor,
  input: z.object({ policy: editablePolicySchema, reason: z.string().trim().min(10).max(500) }),
  output: policyStateSchema,
});

export const supervisionOperations = {
  listVerifications,
  listAgents,
  getVerificationDetail,
  addReviewNote,
  setVerificationFlag,
  revealCpr,
  personAccessLog,
  getWatchStats,
  createVerificationExport,
  verifyAuditRange,
  createAuditCheckpoint,
  verifyAuditCheckpoint,
  getPolicy,
  updatePolicy,
} as const;
