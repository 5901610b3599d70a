// The municipality an address lay in on a date, from the register's municipality table (register_codes,
// kind 'municipality'): the municipality-at-a-year question asks for it. An address may carry the code
// of its day (extract history keeps pre-2007 codes) or its 2007- code (the sandbox, and registers whose
// history was converted); for the latter, a date before the reform finds the old municipality through
// the postcodes each old municipality covered. Registers without the table fall back to the sandbox
// geography (377 postcodes), as before the table existed.
import { sql } from 'drizzle-orm';
import { municipalityAt as geographyMunicipalityAt } from '../../../shared/domain/geography/index';
import { registerCodes, type RegisterCodeRow } from '../../db/schema/register';
import type { Database, Tx } from '../../db/types';

export interface MunicipalityAt {
  /** Code of the 2007- (Greenland 2009-) municipality the address lies in today. */
  code: string;
  /** The name the municipality bore on that date: the old one before the reform. */
  name: string;
  /** Every name a caller may fairly give: the name of the day, the other side of the reform, the names people use. */
  acceptedNames: readonly string[];
}

export interface AddressPlace {
  postcode: string | null;
  municipalityCode: string | null;
}

/** The municipality of an address on a date (yyyy-mm-dd); undefined when the register cannot tell. */
export type MunicipalityLookup = (address: AddressPlace, date: string) => MunicipalityAt | undefined;

interface NamePeriod {
  name: string;
  validFrom: string;
  validTo: string;
}

interface Municipality {
  code: string;
  successor: string;
  names: NamePeriod[];
  aliases: string[];
}

const inForce = (p: NamePeriod, date: string) => (p.validFrom === '' || p.validFrom <= date) && (p.validTo === '' || date <= p.validTo);

/** Municipality rows (kind 'municipality') as a lookup; rows of other kinds are ignored. */
export class MunicipalityTable {
  private readonly byCode = new Map<string, Municipality>();
  /** postcode → the old municipalities that covered it, each with the 2007- municipality that part went to. */
  private readonly byPostcode = new Map<string, { code: string; successor: string }[]>();

  static fromRows(rows: Iterable<RegisterCodeRow>): MunicipalityTable {
    const table = new MunicipalityTable();
    const ordered = [...rows].filter((r) => r.kind === 'municipality').sort((a, b) => a.code.localeCompare(b.code) || a.seq - b.seq);
    // Name rows first: they say which municipality a code became part of.
    for (const r of ordered) {
      if (r.authorityType !== 'alias' && r.authorityType !== 'postcode') table.entry(r.code, r.municipalityCode);
    }
    for (const r of ordered) {
      const m = table.entry(r.code, '');
      if (r.authorityType === 'alias') m.aliases.push(r.name);
      else if (r.authorityType === 'postcode' && r.postcode) {
        const part = { code: r.code, successor: r.municipalityCode || m.successor };
        const list = table.byPostcode.get(r.postcode);
        if (list) list.push(part);
        else table.byPostcode.set(r.postcode, [part]);
      } else m.names.push({ name: r.name, validFrom: r.validFrom ?? '', validTo: r.validTo ?? '' });
    }
    return table;
  }

  private entry(code: string, successor: string): Municipality {
    let m = this.byCode.get(code);
    if (!m) {
      m = { code, successor: successor || code, names: [], aliases: [] };
      this.byCode.set(code, m);
    }
    return m;
  }

  get size(): number {
    return this.byCode.size;
  }

  /** The municipality of an address on a date. */
  readonly at: MunicipalityLookup = (address, date) => {
    const code = address.municipalityCode ?? '';
    const own = this.byCode.get(code);
    if (!own) return undefined;
    const ownName = own.names.find((p) => inForce(p, date))?.name;
    // The old municipality the address lay in: the address's own code when it was one, else the one
    // among its code's predecessors that covered the postcode.
    const predecessor = (successor: string) => {
      const part = (this.byPostcode.get(address.postcode ?? '') ?? []).find((p) => p.code !== successor && p.successor === successor);
      return part ? this.byCode.get(part.code) : undefined;
    };
    const old = own.successor !== own.code ? own : predecessor(own.code);
    const current = this.byCode.get(own.successor);
    // An old code after the reform: the address had passed to its successor.
    const before = own === old ? current : old;
    const nameOfTheDay = ownName ?? before?.names.find((p) => inForce(p, date))?.name;
    if (!current || nameOfTheDay === undefined) return undefined;
    const currentName = current.names.at(-1)?.name ?? nameOfTheDay;
    const names = [nameOfTheDay, ...(old ? [old.names.at(-1)?.name ?? '', ...old.aliases] : []), currentName, ...current.aliases].filter(Boolean);
    return { code: current.code, name: nameOfTheDay, acceptedNames: [...new Set(names)] };
  };
}

/** The sandbox geography's answer, for a register that holds no municipality table. */
export const geographyLookup: MunicipalityLookup = (address, date) => (address.postcode ? geographyMunicipalityAt(address.postcode, date) : undefined);

const municipalityRows = sql`${registerCodes.kind} = 'municipality'`;

/** The municipality lookup of the register in `db`: its municipality table, or the geography without one. */
export async function loadMunicipalityLookup(db: Database | Tx): Promise<MunicipalityLookup> {
  const rows = await db.select().from(registerCodes).where(municipalityRows);
  return rows.length > 0 ? MunicipalityTable.fromRows(rows).at : geographyLookup;
}

/** Loads the municipality lookup for a register port, as `loadMunicipalityLookup` would. */
export type MunicipalityLoader = (db: Database | Tx) => Promise<MunicipalityLookup>;

/**
 * `loadMunicipalityLookup`, kept while the table's rows stay the same. Reading and parsing its ≈ 800 rows
 * took 26 ms per answer on PGlite (4 ms on PostgreSQL); the table changes only when an import or a seed
 * rewrites it. Every call still asks the database whether it did: the row count and the newest row
 * version (`xmin`: any insert, update or rewrite gives a row a new one), which costs a tenth of the load
 * and no parsing. One cache per register port, and a port serves one database.
 */
export function cachedMunicipalityLoader(): MunicipalityLoader {
  let held: { version: string; lookup: Promise<MunicipalityLookup> } | undefined;
  return async (db) => {
    const [row] = await db
      .select({ version: sql<string>`count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text` })
      .from(registerCodes)
      .where(municipalityRows);
    const version = row?.version ?? '';
    if (held?.version === version) return held.lookup;
    // A load that fails is not kept: the next call tries again.
    const lookup = loadMunicipalityLookup(db);
    const entry = { version, lookup };
    held = entry;
    lookup.catch(() => {
      if (held === entry) held = undefined;
    });
    return lookup;
  };
}
