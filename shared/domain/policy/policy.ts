// The policy settings document: limits a supervisor may tune, each with its bounds and default, once.
// The server stores it (server/db/policy.ts) and reads it through this schema, so a missing section or
// value falls back to its default; the contract's editable policy (shared/api/operations/supervision.ts)
// takes its bounds from here.
import { z } from 'zod';

export const sessionPolicySchema = z.object({
  /** Absolute session length after sign-in. */
  maxHours: z.number().positive().max(24).default(8),
  /** The session ends after this long without a request. */
  idleMinutes: z.number().int().min(1).max(240).default(15),
  /** The console locks itself (unlock with the password) after this long without activity; below idleMinutes. At most an hour: an unlocked console shows personal data. */
  consoleLockMinutes: z.number().int().min(1).max(60).default(5),
});

export const loginPolicySchema = z.object({
  /** Failed sign-ins (since the last success) after which each further failure is answered late. */
  delayAfterFailures: z.number().int().min(1).default(5),
  /** The first delay; it doubles with every further failure, up to delayMaxMs. */
  delayBaseMs: z.number().int().min(0).default(1_000),
  delayMaxMs: z.number().int().min(0).default(30_000),
  /** Failed sign-ins in a row that lock the account. */
  lockAfterFailures: z.number().int().min(1).default(10),
  lockMinutes: z.number().int().min(1).default(15),
});

/** Caller verification (server/services/verification). Each verification keeps a copy of the values in force at its start. */
export const verificationPolicySchema = z
  .object({
    /** Questions every caller is asked. */
    questionCount: z.number().int().min(3).max(8).default(4),
    /** Further questions, one at a time, while the score is short of a pass but a pass is still possible. */
    extraQuestions: z.number().int().min(0).max(4).default(2),
    /** Share of the asked questions' strength weight the answers must earn. */
    passThreshold: z.number().min(0.5).max(1).default(0.75),
    /** Fully correct answers needed as well (see server/services/verification/question-kinds.ts). */
    minCorrect: z.number().int().min(1).max(8).default(3),
    /**
     * Base questions an acquaintance could answer (family names, wedding year, birthplace: question-kinds.ts
     * `knowledge`) at most; the rest are private. Stored policies from before the field get the default.
     */
    maxAcquaintanceQuestions: z.number().int().min(0).max(4).default(1),
    /**
     * When the register holds fewer private facts than the base questions need (a person who moved once
     * in their adult life): acquaintance questions allowed among the base questions then, at most. At
     * least minPrivateCorrect private questions are still asked, and a pass still needs that many fully
     * correct. At or below maxAcquaintanceQuestions: no exception, such callers are referred. The draw
     * never lets it crowd out those private questions (questionCount − minPrivateCorrect at most); no
     * cross-field rule here, so a stored policy from before the field always reads.
     */
    maxAcquaintanceQuestionsWhenThin: z.number().int().min(0).max(4).default(2),
    /** Fully correct answers to private questions needed for a pass, as well as minCorrect. */
    minPrivateCorrect: z.number().int().min(0).max(8).default(2),
    /** Failed verifications of one person within the window after which every new one is referred. */
    lockoutFailures: z.number().int().min(1).max(10).default(2),
    lockoutWindowHours: z.number().int().min(1).max(168).default(24),
    /** An unfinished verification left unanswered this long expires. */
    timeoutMinutes: z.number().int().min(5).max(60).default(15),
    /** Velocity signals: one person tried by several agents within this many minutes … */
    personAgentsWindowMinutes: z.number().int().min(5).max(1440).default(60),
    /** … and one document number tried for several persons within this many hours. */
    documentPersonsWindowHours: z.number().int().min(1).max(168).default(24),
  })
  .refine((v) => v.minCorrect <= v.questionCount, { message: 'minCorrect cannot exceed questionCount', path: ['minCorrect'] })
  .refine((v) => v.minPrivateCorrect <= v.minCorrect, { message: 'minPrivateCorrect cannot exceed minCorrect', path: ['minPrivateCorrect'] })
  .refine((v) => v.maxAcquaintanceQuestions < v.questionCount, {
    message: 'maxAcquaintanceQuestions must leave at least one private question',
    path: ['maxAcquaintanceQuestions'],
  });
export type VerificationPolicy = z.infer<typeof verificationPolicySchema>;

/** Activation codes (server/services/codes). Read at issue time; a code keeps the expiry and attempt limit it was issued with. */
export const codesPolicySchema = z.object({
  /** Characters in a code. 6 digits is NIST SP 800-63B's minimum; the default 8 gives ~26.6 bits. */
  length: z.number().int().min(6).max(12).default(8),
  /** digits: 0-9. alphanumeric: upper-case letters and digits without look-alikes (no 0/O, 1/I/L). */
  alphabet: z.enum(['digits', 'alphanumeric']).default('digits'),
  /** Minutes a code can be redeemed (MitID: 30). */
  lifetimeMinutes: z.number().int().min(5).max(60).default(30),
  /** Wrong entries after which a code is blocked (MitID: 3). */
  maxAttempts: z.number().int().min(1).max(10).default(3),
  /** No SMS when the mobile number was registered or changed less than this many days ago (MitID: 5). */
  mobileQuarantineDays: z.number().min(0).max(30).default(5),
  /** A code can be issued only this long after the verification passed. */
  issueWithinMinutes: z.number().int().min(1).max(120).default(15),
});
export type CodesPolicy = z.infer<typeof codesPolicySchema>;

/** The supervisors' watch (server/services/review/watch.ts): codes issued outside opening hours are listed. */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const watchPolicySchema = z.object({
  openingHoursStart: hhmm.default('08:00'),
  openingHoursEnd: hhmm.default('20:00'),
  /** IANA zone the opening hours are local to. */
  timeZone: z.string().min(1).default('Europe/Copenhagen'),
});

/**
 * Supervisor co-sign (server/services/cosign): when an activation code waits for a second person's
 * approval before it is issued and sent. The agent's red flag always needs co-sign (not a setting).
 */
export const cosignPolicySchema = z.object({
  /** A velocity signal on the verification: the person tried by several agents, or the document for several persons. */
  onVelocitySignal: z.boolean().default(true),
  /** The person has name and address protection (a favourite target: their address is what an attacker wants). */
  onNameAddressProtection: z.boolean().default(true),
  /** A pass whose score is less than this many percentage points above the pass threshold; 0 turns it off. */
  borderlineMarginPercent: z.number().int().min(0).max(25).default(10),
  /**
   * The code is asked for outside the opening hours of the watch policy. Off by default: at night there
   * may be no supervisor to co-sign, so every code would become a referral; the watch lists those codes
   * for review the next morning instead. Turn it on where a supervisor is always on duty.
   */
  outsideOpeningHours: z.boolean().default(false),
  /** A request no supervisor answered within this many minutes becomes a referral. */
  timeoutMinutes: z.number().int().min(1).max(30).default(5),
});
export type CosignPolicy = z.infer<typeof cosignPolicySchema>;

export const policySchema = z.object({
  session: sessionPolicySchema.prefault({}),
  login: loginPolicySchema.prefault({}),
  verification: verificationPolicySchema.prefault({}),
  codes: codesPolicySchema.prefault({}),
  watch: watchPolicySchema.prefault({}),
  cosign: cosignPolicySchema.prefault({}),
});
export type Policy = z.infer<typeof policySchema>;

export const defaultPolicy: Policy = policySchema.parse({});
