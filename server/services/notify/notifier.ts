// Notices to the person after a code is issued and after a password is set (NIST SP 800-63B, ASVS
// 6.3.7): what happened, when, and what to do if it was not them. Never the code.
import type { Tx } from '../../db/types';
import { writeOutbox } from './outbox';
import type { OutboxSealer } from '../sealing';

export type NoticeKind = 'code_issued' | 'password_set';

export interface Notice {
  kind: NoticeKind;
  /** Masked CPR number: Digital Post is addressed to the person. */
  recipientMasked: string;
  mitidUserId: string;
  subjectHmac: string;
  at: Date;
}

/** Sends notices. Implementations take the transaction of the event so a notice exists iff the event does. */
export interface Notifier {
  notify(tx: Tx, notice: Notice): Promise<void>;
}

const copenhagen = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  dateStyle: 'long',
  timeStyle: 'short',
});

const reportLine =
  'Hvis det ikke var dig, skal du straks ringe til MitID Support på 33 98 00 10 (hele døgnet) og sige, ' +
  'at du ikke selv har bedt om det. Vi spærrer så dit MitID og hjælper dig videre.';

/** Danish subject and body of a notice. */
export function noticeText(kind: NoticeKind, at: Date): { subject: string; body: string } {
  const when = copenhagen.format(at);
  if (kind === 'code_issued') {
    return {
      subject: 'Aktiveringskode til dit MitID er sendt',
      body:
        `MitID Support har ${when} sendt en aktiveringskode til dit registrerede mobilnummer, ` +
        'så du kan vælge en ny adgangskode til dit MitID. Koden kan kun bruges én gang.\n\n' +
        reportLine,
    };
  }
  return {
    subject: 'Ny adgangskode til dit MitID',
    body: `Der er ${when} valgt en ny adgangskode til dit MitID med en aktiveringskode fra MitID Support.\n\n` + reportLine,
  };
}

/** Digital Post through the outbox table (the sandbox mailbox; a dispatcher would deliver it for real). */
export function createDigitalPostOutboxNotifier(sealer: OutboxSealer): Notifier {
  return {
    async notify(tx, notice) {
      const { subject, body } = noticeText(notice.kind, notice.at);
      await writeOutbox(tx, sealer, {
        channel: 'digital_post',
        recipientMasked: notice.recipientMasked,
        mitidUserId: notice.mitidUserId,
        subjectHmac: notice.subjectHmac,
        subject,
        body,
        codeId: null,
        at: notice.at,
      });
    },
  };
}
