// Trusting the support centre's own certificate authority. The NODE_OPTIONS fuse is off, so
// NODE_EXTRA_CA_CERTS cannot be used, and the OS store may not hold the centre's CA on every desk.
// Chromium checks every certificate first (OS store, revocation, Certificate Transparency); only a
// chain it rejects for an unknown issuer is checked again against the managed CAs here. Trust is
// only ever added for those CAs, never taken away and never granted for any other failure.
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { Certificate, Request as CertificateRequest, Session } from 'electron';

/** Chromium's verdicts that a managed CA may overrule: the issuer is not known to the OS store. */
const overridable = new Set(['ERR_CERT_AUTHORITY_INVALID']);

/** Chromium's answers for a verify proc: 0 trusts, -3 keeps Chromium's own verdict. */
const trust = 0;
const useChromiumVerdict = -3;

function isValidAt(cert: X509Certificate, now: Date): boolean {
  return new Date(cert.validFrom) <= now && now <= new Date(cert.validTo);
}

function issuedBy(child: X509Certificate, issuer: X509Certificate, now: Date): boolean {
  return child.checkIssued(issuer) && child.verify(issuer.publicKey) && issuer.ca && isValidAt(issuer, now);
}

/**
 * Whether `chain` (leaf first, PEM) is for `hostname`, valid now, and leads to one of `cas` through
 * signatures that verify. The server's own chain may stop short of the CA: that is fine as long as
 * its last certificate is signed by a managed CA.
 */
export function chainTrustedByManagedCa(chain: readonly string[], hostname: string, cas: readonly string[], now = new Date()): boolean {
  if (chain.length === 0 || cas.length === 0) return false;
  const anchors = cas.map((pem) => new X509Certificate(pem));
  const certs = chain.map((pem) => new X509Certificate(pem));
  const leaf = certs[0]!;
  if (!isValidAt(leaf, now)) return false;
  const host = hostname.replace(/^\[|\]$/g, '');
  if ((isIP(host) ? leaf.checkIP(host) : leaf.checkHost(host)) === undefined) return false;
  let current = leaf;
  for (let i = 1; i <= certs.length; i += 1) {
    if (anchors.some((ca) => issuedBy(current, ca, now))) return true;
    const next = certs[i];
    if (!next || !issuedBy(current, next, now)) return false;
    current = next;
  }
  return false;
}

/** The chain Chromium saw, leaf first, as PEM (Electron links each certificate to its issuer). */
export function chainOf(certificate: Certificate): string[] {
  const chain: string[] = [];
  for (let cert: Certificate | undefined = certificate; cert && chain.length < 10; cert = cert.issuerCert) {
    if (chain.includes(cert.data)) break; // a self-signed root links to itself
    chain.push(cert.data);
  }
  return chain;
}

export function managedCaVerifyProc(cas: readonly string[]) {
  return (request: Pick<CertificateRequest, 'hostname' | 'certificate' | 'verificationResult'>, callback: (result: number) => void) => {
    const verdict = request.verificationResult.replace(/^net::/, '');
    if (verdict === 'OK' || !overridable.has(verdict)) return callback(useChromiumVerdict);
    let trusted: boolean;
    try {
      trusted = chainTrustedByManagedCa(chainOf(request.certificate), request.hostname, cas);
    } catch {
      trusted = false; // a certificate Node cannot parse is not one we vouch for
    }
    callback(trusted ? trust : useChromiumVerdict);
  };
}

/** Installs the managed CAs on the session that talks to the Support API (none: Chromium decides alone). */
export function trustManagedCas(session: Pick<Session, 'setCertificateVerifyProc'>, cas: readonly string[]): void {
  if (cas.length > 0) session.setCertificateVerifyProc(managedCaVerifyProc(cas));
}
