// The register port over Datafordeler's CPR service for the public sector (CustomPublicSectorPerson):
// one lookup per person, nothing stored on disk. What a call (one verification) has looked up is kept
// in memory for that call (call-cache.ts), so a person and their relatives are fetched once per call
// and reused by its answers, and dropped when the call ends or times out. MitID and documents come
// from our own tables.
// The response fields follow the service's public client code (Navne, Adresser/CprAdresse, Civilstande,
// Beskyttelser, … each with status and virkningFra/virkningTil); query.ts holds the query in one place.
import { ApiError, errorCodes } from '../../../../shared/api/index';
import type { Database, Tx } from '../../../db/types';
import { cachedMunicipalityLoader, type MunicipalityLoader } from '../municipalities';
import { ownTablesReader } from '../own-tables';
import { allRecordParts, type AddressPeriod, type CallScope, type CivilStatus, type PersonRecord, type PersonStatus, type RegisterPort, type RegisterReader, type RelativeRecord } from '../port';
import { CallCache, type CallCacheLimits } from './call-cache';
import { DatafordelerError, type DatafordelerClient } from './client';
import { personQuery, type DfPerson, type PersonQueryResult } from './query';

const day = (t: string | null | undefined) => (t ? t.slice(0, 10) : null);
const live = <T extends { status?: string | null }>(rows: readonly T[] | null | undefined): T[] =>
  // Annulled and corrected entries are not the person's history.
  (rows ?? []).filter((r) => r.status !== 'annulleret' && r.status !== 'rettet');

const statusByCode: Readonly<Record<string, PersonStatus>> = { '01': 'active', '03': 'active', '05': 'active', '07': 'active', '70': 'disappeared', '80': 'emigrated', '90': 'deceased' };

const civilByType: Readonly<Record<string, CivilStatus | null>> = {
  ugift: 'unmarried',
  U: 'unmarried',
  gift: 'married',
  G: 'married',
  skilt: 'divorced',
  F: 'divorced',
  enke: 'widowed',
  enkemand: 'widowed',
  E: 'widowed',
  registreret_partner: 'registered_partnership',
  P: 'registered_partnership',
  ophaevet_partnerskab: 'dissolved_partnership',
  O: 'dissolved_partnership',
  laengstlevende_partner: 'widowed',
  L: 'widowed',
  doed: null,
  D: null,
};

function addressPeriods(p: DfPerson): AddressPeriod[] {
  const periods: Omit<AddressPeriod, 'seq'>[] = [];
  for (const a of live(p.Adresser)) {
    const movedIn = day(a.virkningFra);
    if (!movedIn) continue;
    const base = { movedIn, movedOut: day(a.virkningTil), movedInUncertain: Boolean(a.virkningFraUsikker), movedOutUncertain: Boolean(a.virkningTilUsikker) };
    if (a.CprAdresse) {
      const c = a.CprAdresse;
      const code = c.kommunekode ? c.kommunekode.padStart(4, '0') : null;
      periods.push({
        ...base,
        street: c.vejadresseringsnavn ?? null,
        houseNumber: c.husnummer ? c.husnummer.replace(/^0+(?=\d)/, '') : null,
        floor: c.etage ? c.etage.replace(/^0+(?=\d)/, '') : null,
        door: c.sidedoer || null,
        postcode: c.postnummer ?? null,
        town: c.postdistrikt ?? null,
        municipalityCode: code,
        country: code && Number(code) >= 900 ? 'GL' : 'DK',
      });
    } else if (a.Udland?.landekode) {
      periods.push({ ...base, street: null, houseNumber: null, floor: null, door: null, postcode: null, town: null, municipalityCode: null, country: a.Udland.landekode });
    }
  }
  periods.sort((a, b) => a.movedIn.localeCompare(b.movedIn) || (a.movedOut ?? '9999').localeCompare(b.movedOut ?? '9999'));
  return periods.map((a, i) => ({ ...a, seq: i + 1 }));
}

type Found = Promise<DfPerson | null>;

function datafordelerReader(
  client: DatafordelerClient,
  db: Database | Tx,
  calls: CallCache<Found>,
  call: CallScope | undefined,
  municipalities: MunicipalityLoader,
): RegisterReader {
  // Without a call (a reader outside a verification), the look-ups live as long as this reader.
  const own = new Map<string, Found>();
  const kept = (key: string, make: () => Found): Found => {
    if (call) return calls.get(call.id, call.until, key, make);
    let found = own.get(key);
    if (!found) own.set(key, (found = make()));
    return found;
  };
  const lookup = (cpr: string, asOf: string): Found => {
    const key = `${cpr}@${asOf}`;
    return kept(key, () => {
      const found: Found = client
        .query<PersonQueryResult>(personQuery, { pnr: cpr, asOf })
        .then((data) => data.CPR_Person?.nodes?.[0] ?? null)
        .catch((error: unknown) => {
          // A failed look-up is not kept: the next answer asks again.
          if (call) calls.drop(call.id, key, found);
          else own.delete(key);
          if (error instanceof DatafordelerError) {
            // The agent sees a retryable 503; the cause (no personal data in it) goes to the API's log.
            throw new ApiError(503, errorCodes.unavailable, `The CPR register did not answer (${error.failure}). Try again in a moment.`);
          }
          throw error;
        });
      return found;
    });
  };
  const relative = async (cpr: string | null | undefined, asOf: string): Promise<RelativeRecord | null> => {
    if (!cpr) return null;
    const p = await lookup(cpr, asOf);
    const name = p && live(p.Navne).find((n) => n.status === 'aktuel');
    return p && name && p.foedselsdato && (p.koen === 'M' || p.koen === 'K')
      ? { cpr, firstNames: name.fornavne ?? '', middleName: name.mellemnavn || null, lastName: name.efternavn ?? '', sex: p.koen === 'M' ? 'male' : 'female', birthDate: p.foedselsdato.slice(0, 10) }
      : null;
  };

  return {
    ...ownTablesReader(db, municipalities),
    async person(cpr, asOf, parts = allRecordParts): Promise<PersonRecord | null> {
      const p = await lookup(cpr, asOf);
      if (!p || !p.foedselsdato) return null;
      const names = live(p.Navne);
      const current = names.find((n) => n.status === 'aktuel') ?? names.at(-1);
      const former = names
        .filter((n) => n !== current && n.virkningFra && n.virkningTil)
        .sort((a, b) => (a.virkningFra ?? '').localeCompare(b.virkningFra ?? ''));
      const civil = live(p.Civilstande)
        .map((c) => ({ status: civilByType[c.civilstandstype ?? ''], validFrom: day(c.virkningFra), spouseCpr: c.aegtefaellePersonnummer ?? null }))
        .filter((c): c is { status: CivilStatus; validFrom: string; spouseCpr: string | null } => Boolean(c.status && c.validFrom))
        .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      const wantsRelatives = parts.includes('relations');
      const wantsCivil = parts.includes('civil');
      const protection = live(p.Beskyttelser).some(
        (b) => (b.beskyttelsestype === '0001' || b.beskyttelsestype === 'navne_og_adressebeskyttelse') && (!b.virkningFra || day(b.virkningFra)! <= asOf) && (!b.virkningTil || day(b.virkningTil)! > asOf),
      );
      const births = p.Foedested;
      const status = statusByCode[p.status ?? ''] ?? 'active';
      return {
        cpr,
        status,
        statusDate: status === 'active' ? null : day(p.statusVirkningFra),
        sex: p.koen === 'M' ? 'male' : 'female',
        birthDate: p.foedselsdato.slice(0, 10),
        name: { firstNames: current?.fornavne ?? '', middleName: current?.mellemnavn || null, lastName: current?.efternavn ?? '' },
        formerNames: former.map((n) => ({ firstNames: n.fornavne ?? '', middleName: n.mellemnavn || null, lastName: n.efternavn ?? '', validFrom: day(n.virkningFra)!, validTo: day(n.virkningTil)! })),
        addresses: parts.includes('addresses') ? addressPeriods(p) : [],
        civilStatus: wantsCivil
          ? await Promise.all(civil.map(async (c, i) => ({ seq: i + 1, status: c.status, validFrom: c.validFrom, spouse: await relative(c.spouseCpr, asOf) })))
          : [],
        parents: wantsRelatives ? (await Promise.all(live(p.Foraeldre).map((r) => relative(r.personnummer, asOf)))).filter((r) => r !== null) : [],
        children: wantsRelatives ? (await Promise.all(live(p.Boern).map((r) => relative(r.personnummer, asOf)))).filter((r) => r !== null) : [],
        nameAddressProtection: protection,
        birthRegistration: { place: births?.navn ?? '', kind: births?.type === 'land' ? 'country' : 'parish' },
        citizenship: live(p.Statsborgerskaber).find((s) => s.status === 'aktuel')?.landekode ?? '',
        churchMember: Boolean(p.Folkekirkeforhold?.tilhoerer),
      };
    },
  };
}

/** Calls kept at once (a centre's concurrent calls, with room) and look-ups per call (a person and relatives). */
export const defaultCallCacheLimits: CallCacheLimits = { maxCalls: 500, maxEntries: 64 };

export function datafordelerRegisterPort(client: DatafordelerClient, options: { limits?: CallCacheLimits; now?: () => number } = {}): RegisterPort {
  const calls = new CallCache<Found>(options.limits ?? defaultCallCacheLimits, options.now);
  const municipalities = cachedMunicipalityLoader();
  return {
    source: 'datafordeler',
    open: (db, call) => datafordelerReader(client, db, calls, call, municipalities),
    endCall: (id) => calls.end(id),
  };
}
