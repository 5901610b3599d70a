// The Datafordeler adapter against a local HTTPS stand-in (certificates made here with openssl) that
// demands a client certificate and answers hand-made responses in the documented shape: success,
// missing person, protected person, timeout, bad certificate.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../shared/api/index';
import { createSubjectHmac } from '../../../../../server/services/audit/subject-hmac';
import { createDatafordelerClient, type DatafordelerConfig } from '../../../../../server/services/register/datafordeler/client';
import { datafordelerRegisterPort } from '../../../../../server/services/register/datafordeler/adapter';
import type { DfPerson } from '../../../../../server/services/register/datafordeler/query';
import { buildCandidates } from '../../../../../server/services/verification/candidates';
import { loadPersonFacts } from '../../../../../server/services/verification/register-facts';
import type { Database } from '../../../../../server/db/types';
import { testSecrets } from '../../../../support/support-api';

const dir = mkdtempSync(path.join(tmpdir(), 'datafordeler-'));
function selfSigned(name: string): { key: string; cert: string } {
  const [key, cert] = [path.join(dir, `${name}.key`), path.join(dir, `${name}.crt`)];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${name}`, '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

const entry = (from: string, to: string | null = null) => ({ status: to ? 'historisk' : 'aktuel', virkningFra: `${from}T00:00:00+01:00`, virkningTil: to ? `${to}T00:00:00+01:00` : null });
const people: Record<string, DfPerson> = {
  '1203681158': {
    personnummer: '1203681158',
    foedselsdato: '1968-03-12',
    koen: 'K',
    status: '01',
    Navne: [
      { ...entry('1968-03-12', '1993-06-12'), fornavne: 'Kirsten', efternavn: 'Jensen' },
      { ...entry('1993-06-12'), fornavne: 'Kirsten', efternavn: 'Holm' },
      { status: 'annulleret', virkningFra: '1990-01-01', virkningTil: '1991-01-01', fornavne: 'Kirsten', efternavn: 'Jnesen' },
    ],
    Adresser: [
      { ...entry('1968-03-12', '1987-08-01'), CprAdresse: { vejadresseringsnavn: 'Nørregade', husnummer: '012', etage: '01', sidedoer: 'tv', postnummer: '8000', postdistrikt: 'Aarhus C', kommunekode: '751' } },
      { ...entry('1987-08-01', '1993-06-12'), virkningFraUsikker: true, Udland: { landekode: 'SE' } },
      { ...entry('1993-06-12'), CprAdresse: { vejadresseringsnavn: 'Skovvej', husnummer: '008', postnummer: '2820', postdistrikt: 'Gentofte', kommunekode: '157' } },
    ],
    Civilstande: [{ ...entry('1968-03-12', '1993-06-12'), civilstandstype: 'ugift' }, { ...entry('1993-06-12'), civilstandstype: 'gift', aegtefaellePersonnummer: '2801661141' }],
    Foraeldre: [{ relationstype: 'mor', personnummer: '1705421168' }],
    Boern: [{ personnummer: '0904951137' }],
    Foedested: { type: 'sogn', navn: 'Aarhus Domsogn' },
    Statsborgerskaber: [{ landekode: 'DK', status: 'aktuel' }],
  },
  '2801661141': { personnummer: '2801661141', foedselsdato: '1966-01-28', koen: 'M', status: '01', Navne: [{ ...entry('1966-01-28'), fornavne: 'Henrik', efternavn: 'Holm' }] },
  '1705421168': { personnummer: '1705421168', foedselsdato: '1942-05-17', koen: 'K', status: '01', Navne: [{ ...entry('1942-05-17'), fornavne: 'Inge', efternavn: 'Jensen' }] },
  '0904951137': { personnummer: '0904951137', foedselsdato: '1995-04-09', koen: 'M', status: '01', Navne: [{ ...entry('1995-04-09'), fornavne: 'Mads', efternavn: 'Holm' }] },
  '0707902140': {
    personnummer: '0707902140',
    foedselsdato: '1990-07-07',
    koen: 'K',
    status: '01',
    Navne: [{ ...entry('1990-07-07'), fornavne: 'Louise', efternavn: 'Kjær' }],
    Adresser: [
      { ...entry('1990-07-07', '2009-08-01'), CprAdresse: { vejadresseringsnavn: 'Algade', husnummer: '030', etage: '01', sidedoer: 'th', postnummer: '4000', postdistrikt: 'Roskilde', kommunekode: '265' } },
      { ...entry('2009-08-01', '2016-02-01'), CprAdresse: { vejadresseringsnavn: 'Tagensvej', husnummer: '086', etage: '05', sidedoer: 'tv', postnummer: '2200', postdistrikt: 'København N', kommunekode: '101' } },
      { ...entry('2016-02-01'), CprAdresse: { vejadresseringsnavn: 'Hemmelig Vej', husnummer: '001', postnummer: '8000', postdistrikt: 'Aarhus C', kommunekode: '751' } },
    ],
    Beskyttelser: [{ ...entry('2016-02-01'), beskyttelsestype: '0001' }],
    Foedested: { type: 'sogn', navn: 'Roskilde Domsogn' },
  },
};

const requests = { token: 0, graphql: 0 };
let port = 0;
let server: Server;
let serverCert: { key: string; cert: string };
let client: { key: string; cert: string };
let rogue: { key: string; cert: string };
const noDb = {} as Database;

beforeAll(async () => {
  [serverCert, client, rogue] = [selfSigned('server'), selfSigned('centre'), selfSigned('rogue')];
  // TLS 1.2 so a refused client certificate is a handshake alert; under TLS 1.3 the client only sees the
  // connection reset after its Finished, which the adapter can only treat as a failed connection (retried).
  server = createServer({ key: serverCert.key, cert: serverCert.cert, ca: client.cert, requestCert: true, rejectUnauthorized: true, maxVersion: 'TLSv1.2' }, (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (req.url === '/token') {
        requests.token++;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'token-1', expires_in: 3600 }));
        return;
      }
      requests.graphql++;
      if (req.headers.authorization !== 'Bearer token-1') return void res.writeHead(401).end();
      const { variables } = JSON.parse(body) as { variables: { pnr: string } };
      if (variables.pnr === '0101700000') return; // never answers: the client's timeout must end it
      const person = people[variables.pnr];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { CPR_Person: { nodes: person ? [person] : [] } } }));
    });
  });
  // Any free port: parallel suites and other checkouts on this machine never collide.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const config = (overrides: Partial<DatafordelerConfig> = {}): DatafordelerConfig => ({
  graphqlUrl: `https://127.0.0.1:${port}/graphql`,
  tokenUrl: `https://127.0.0.1:${port}/token`,
  clientId: 'support-centre',
  cert: client.cert,
  key: client.key,
  ca: serverCert.cert,
  timeoutMs: 2000,
  retries: 1,
  ...overrides,
});

describe('Datafordeler register adapter', () => {
  it('reads a person with history and relatives, each looked up once per request', async () => {
    const register = datafordelerRegisterPort(createDatafordelerClient(config()));
    const before = { ...requests };
    const reader = register.open(noDb);
    const record = await reader.person('1203681158', '2026-11-25');
    expect(record).toMatchObject({
      status: 'active',
      sex: 'female',
      name: { firstNames: 'Kirsten', lastName: 'Holm' },
      formerNames: [{ firstNames: 'Kirsten', lastName: 'Jensen', validFrom: '1968-03-12', validTo: '1993-06-12' }],
      birthRegistration: { place: 'Aarhus Domsogn', kind: 'parish' },
      citizenship: 'DK',
      nameAddressProtection: false,
      parents: [{ cpr: '1705421168', firstNames: 'Inge', sex: 'female' }],
      children: [{ cpr: '0904951137', firstNames: 'Mads', birthDate: '1995-04-09' }],
    });
    expect(record?.addresses.map((a) => [a.seq, a.street, a.houseNumber, a.floor, a.door, a.country, a.municipalityCode, a.movedIn, a.movedOut])).toEqual([
      [1, 'Nørregade', '12', '1', 'tv', 'DK', '0751', '1968-03-12', '1987-08-01'],
      [2, null, null, null, null, 'SE', null, '1987-08-01', '1993-06-12'],
      [3, 'Skovvej', '8', null, null, 'DK', '0157', '1993-06-12', null],
    ]);
    expect(record?.addresses[1]?.movedInUncertain).toBe(true);
    expect(record?.civilStatus.map((c) => [c.status, c.validFrom, c.spouse?.firstNames ?? null])).toEqual([
      ['unmarried', '1968-03-12', null],
      ['married', '1993-06-12', 'Henrik'],
    ]);
    // The engine asks for the same person again in the same request: answered from the request's cache.
    await reader.person('1203681158', '2026-11-25', ['person']);
    expect(requests.graphql - before.graphql).toBe(4);
    // A new request looks up again (nothing kept between requests); the token is reused.
    await register.open(noDb).person('1203681158', '2026-11-25', ['person']);
    expect(requests.graphql - before.graphql).toBe(5);
    expect(requests.token).toBe(1);
  });

  it('keeps a call\'s look-ups for the whole call: its answers reuse them; its end, its timeout and the bound drop them', async () => {
    let clock = Date.parse('2026-11-25T10:00:00Z');
    const register = datafordelerRegisterPort(createDatafordelerClient(config()), { limits: { maxCalls: 2, maxEntries: 64 }, now: () => clock });
    const until = (minutes: number) => new Date(clock + minutes * 60_000);
    const count = async (fn: () => Promise<unknown>) => {
      const before = requests.graphql;
      await fn();
      return requests.graphql - before;
    };
    // The start of a call (person, spouse, parent, child), then three answers, each on a reader of its own.
    expect(await count(() => register.open(noDb, { id: 'call-a', until: until(15) }).person('1203681158', '2026-11-25'))).toBe(4);
    for (const parts of [['person'], ['addresses'], ['civil', 'relations']] as const) {
      clock += 60_000;
      expect(await count(() => register.open(noDb, { id: 'call-a', until: until(15) }).person('1203681158', '2026-11-25', parts))).toBe(0);
    }
    // Another call looks up again: nothing is shared between calls.
    expect(await count(() => register.open(noDb, { id: 'call-b', until: until(15) }).person('1203681158', '2026-11-25', ['person']))).toBe(1);
    // The call ends: its look-ups go.
    register.endCall?.('call-a');
    expect(await count(() => register.open(noDb, { id: 'call-a', until: until(15) }).person('1203681158', '2026-11-25', ['person']))).toBe(1);
    // Unanswered past its timeout: gone too.
    clock += 16 * 60_000;
    expect(await count(() => register.open(noDb, { id: 'call-b', until: until(15) }).person('1203681158', '2026-11-25', ['person']))).toBe(1);
    // At most two calls are kept: a third pushes out the least recently used.
    await register.open(noDb, { id: 'call-a', until: until(15) }).person('1203681158', '2026-11-25', ['person']); // held: b, a
    await register.open(noDb, { id: 'call-c', until: until(15) }).person('2801661141', '2026-11-25', ['person']); // held: a, c
    expect(await count(() => register.open(noDb, { id: 'call-c', until: until(15) }).person('2801661141', '2026-11-25', ['person']))).toBe(0);
    expect(await count(() => register.open(noDb, { id: 'call-b', until: until(15) }).person('1203681158', '2026-11-25', ['person']))).toBe(1);
  });

  it('answers null for a person the register does not know', async () => {
    const register = datafordelerRegisterPort(createDatafordelerClient(config()));
    expect(await register.open(noDb).person('0101010000', '2026-11-25')).toBeNull();
  });

  it('marks a protected person, and the engine then asks no address question', async () => {
    const register = datafordelerRegisterPort(createDatafordelerClient(config()));
    const reader = register.open(noDb);
    expect((await reader.person('0707902140', '2026-11-25'))?.nameAddressProtection).toBe(true);
    const facts = await loadPersonFacts(reader, '0707902140', createSubjectHmac(testSecrets), '2026-11-25');
    const candidates = buildCandidates(facts!, (items) => items[0]!);
    const kinds = candidates.map((c) => c.kind);
    // Under protection (issue 13) move months stay askable, the home named by a year lived there, never by
    // a street; and a municipality of a past home, never today's.
    expect(kinds.filter((k) => (k.startsWith('address') && !k.startsWith('address_move_')) || k === 'earlier_address')).toEqual([]);
    const moves = candidates.filter((c) => c.kind.startsWith('address_move_'));
    expect(moves.every((c) => c.params !== null && !('street' in c.params) && 'year' in c.params)).toBe(true);
    const current = new Set(facts!.addresses.filter((a) => a.movedOut === null).map((a) => a.seq));
    const municipalities = candidates.filter((c) => c.kind === 'municipality_in_year');
    expect(municipalities.every((c) => c.ref?.t === 'address' && !current.has(c.ref.seq))).toBe(true);
    // Before the protection began, the same person is not protected.
    expect((await register.open(noDb).person('0707902140', '2015-01-01'))?.nameAddressProtection).toBe(false);
  });

  it('gives up after its retries when the service does not answer in time: 503, nothing cached', async () => {
    const register = datafordelerRegisterPort(createDatafordelerClient(config({ timeoutMs: 300, retries: 2 })));
    const before = requests.graphql;
    const error = await register.open(noDb).person('0101700000', '2026-11-25').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, message: expect.stringContaining('timeout') });
    expect(requests.graphql - before).toBe(3);
    expect(String((error as Error).message)).not.toContain('0101700000');
  });

  it('fails at once, without retrying, when the service refuses the certificate', async () => {
    const register = datafordelerRegisterPort(createDatafordelerClient(config({ cert: rogue.cert, key: rogue.key, retries: 3 })));
    const before = { ...requests };
    const error = await register.open(noDb).person('1203681158', '2026-11-25').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, message: expect.stringContaining('certificate') });
    expect(requests).toEqual(before);
  });

  it('refuses a service whose certificate it cannot trust', async () => {
    const register = datafordelerRegisterPort(createDatafordelerClient(config({ ca: rogue.cert })));
    const error = await register.open(noDb).person('1203681158', '2026-11-25').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, message: expect.stringContaining('certificate') });
  });
});
