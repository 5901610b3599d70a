import { createHmac } from 'node:crypto';
import { normaliseDocumentNumber } from '../../../shared/domain/documents/index';
import type { Secrets } from '../../secrets';

/** A document as velocity signals and attempt locks know it: HMAC-SHA256 (hex) of type and normalised number under deriveKey('document-number'). */
export type DocumentHmac = (type: string, number: string) => string;

export function createDocumentHmac(secrets: Secrets): DocumentHmac {
  const key = secrets.deriveKey('document-number');
  return (type, number) => createHmac('sha256', key).update(`${type}:${normaliseDocumentNumber(number)}`).digest('hex');
}
