// The co-sign queue's text in English (see cosign-queue-da.ts). `satisfies` makes the compiler demand Danish's keys.
import type { cosignQueueDa } from './cosign-queue-da';

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const cosignQueueEn = {
  cosignQueue: {
    intro: "Codes waiting for your approval, oldest first. The list updates itself. You see the call's facts and signals, never the expected answers.",
    empty: 'No codes are waiting for co-sign.',
    requested: 'Requested at {{time}}',
    expiresIn: 'Expires at {{time}}',
    reasons: 'Why',
    facts: 'The call',
    started: 'Started at {{time}}',
    answersLabel: 'Answers',
    answers: '{{correct}} of {{answered}} fully correct',
    scoreLabel: 'Score',
    score: '{{score}} (threshold {{threshold}})',
    redFlags: 'Red flags',
    signals: 'Signals',
    signalKinds: {
      person_multi_agent: 'Person tried by {{agents}} agents ({{attempts}} attempts)',
      document_multi_person: 'Document used for {{persons}} persons ({{attempts}} attempts)',
    },
    reason: 'Reason',
    reasonHint: 'At least 3 characters. Kept in the audit log.',
    approve: 'Approve and send the code',
    deny: 'Deny (refer to Borgerservice)',
    approved: 'Approved: the code is sent.',
    denied: 'Denied: the call is referred.',
    showDetail: 'Show the verification',
    reasonKinds: {
      red_flag: "The agent's red flag",
      velocity_person: 'Several agents tried this person',
      velocity_document: 'The document was used for several persons',
      name_address_protection: 'Name and address protection',
      borderline_score: 'Score close to the threshold',
      outside_opening_hours: 'Outside opening hours',
    },
    redFlagKinds: {
      caller_under_pressure: 'The caller seems under pressure',
      someone_prompting: 'Someone else is speaking or prompting',
      answers_read_aloud: 'The answers sound read aloud',
      third_party_caller: 'A third party is calling for the person',
    },
  },
} as const satisfies Widen<typeof cosignQueueDa>;
