import { createHmac } from 'node:crypto';
import type { Secrets } from '../../secrets';

/** The audit subject for a CPR number: HMAC-SHA256 (hex) under deriveKey('cpr-subject'). */
export type SubjectHmac = (cpr: string) => string;

export function createSubjectHmac(secrets: Secrets): SubjectHmac {
  const key = secrets.deriveKey('cpr-subject');
  // Hyphen and spaces do not make a different person: hash the ten digits only.
  return (cpr) => createHmac('sha256', key).update(cpr.replace(/[\s-]/g, '')).digest('hex');
}
