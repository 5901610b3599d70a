// The phone system's screen pop: `mitid-support-console://call?callId=…&from=…`, opened by the
// telephony client when an agent answers. Parsed here, once, for the desktop shell (which receives
// it from the OS) and checked again by the Support API (which stores the call ID). Strict: anything
// that is not exactly this shape is refused, so a stray or crafted link opens nothing.
import { z } from 'zod';
import { callIdPattern } from './call-id';
import { callerNumberTextSchema } from './caller-number';

export const callLinkScheme = 'mitid-support-console';

/** Longest link accepted: a call ID and a number fit many times over. */
export const maxCallLinkLength = 512;

/** The phone system's call ID (call-id.ts). */
export const callIdSchema = z.string().min(1).max(128).regex(callIdPattern, 'letters, digits and . _ : @ -, at most 128');

/** What the console gets from a link: the call ID, and the caller's number (null when the link had none). */
export const phoneCallSchema = z.strictObject({
  callId: callIdSchema,
  from: callerNumberTextSchema.nullable(),
});
export type PhoneCall = z.infer<typeof phoneCallSchema>;

export type CallLinkResult = { ok: true; call: PhoneCall } | { ok: false; problem: string };

const fail = (problem: string): CallLinkResult => ({ ok: false, problem });

/**
 * Parses a link. The problem names what is wrong, never a value from the link (it may hold a
 * phone number, and it goes to the log).
 */
export function parseCallLink(text: unknown): CallLinkResult {
  if (typeof text !== 'string') return fail('not text');
  if (text.length > maxCallLinkLength) return fail(`longer than ${maxCallLinkLength} characters`);
  // Windows and some browsers add a slash after the host; the host is "call", case as typed by the OS.
  const match = /^mitid-support-console:\/\/call\/?\?([^#]*)$/i.exec(text);
  if (!match) return fail('not a mitid-support-console://call?… link');
  const values = new Map<string, string>();
  for (const pair of (match[1] as string).split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const key = at < 0 ? pair : pair.slice(0, at);
    if (key !== 'callId' && key !== 'from') return fail('an unknown parameter');
    if (values.has(key)) return fail(`${key} given twice`);
    let value: string;
    try {
      // Not form encoding: a + stays a +, so `from=+4512345678` works unencoded as well as %2B-encoded.
      value = decodeURIComponent(at < 0 ? '' : pair.slice(at + 1));
    } catch {
      return fail(`${key} is not valid percent-encoding`);
    }
    values.set(key, value);
  }
  const parsed = phoneCallSchema.safeParse({ callId: values.get('callId'), from: values.has('from') ? values.get('from') : null });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return fail(field === 'from' ? 'from is not a phone number' : 'callId is missing or not a call ID');
  }
  return { ok: true, call: parsed.data };
}

/** The link for a call (telephony documentation and tests). */
export function callLink(call: { callId: string; from?: string | null }): string {
  const from = call.from === undefined || call.from === null ? '' : `&from=${encodeURIComponent(call.from)}`;
  return `${callLinkScheme}://call?callId=${encodeURIComponent(call.callId)}${from}`;
}
