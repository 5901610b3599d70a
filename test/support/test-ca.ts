// A throw-away certificate authority and a server certificate it signs, made with the openssl CLI for
// tests of the console's https handling (nothing here is trusted by the OS).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCa {
  caPem: string;
  serverKeyPem: string;
  /** Leaf first, then the CA (as a server sends its chain). */
  serverCertPem: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A CA named `name` and a certificate for `hostnames` (DNS names and IP addresses) signed by it. */
export function makeTestCa(name: string, hostnames: { dns?: string[]; ip?: string[] } = { dns: ['localhost'], ip: ['127.0.0.1'] }): TestCa {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'test-ca-'));
  try {
    openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2',
      '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    openssl(dir, ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=support-api']);
    const san = [...(hostnames.dns ?? []).map((d) => `DNS:${d}`), ...(hostnames.ip ?? []).map((i) => `IP:${i}`)].join(',');
    writeFileSync(path.join(dir, 'ext.cnf'), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
    openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'ext.cnf']);
    const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
    return { caPem: read('ca.pem'), serverKeyPem: read('server.key'), serverCertPem: read('server.pem') + read('ca.pem') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
