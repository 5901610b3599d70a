// The register port: the one source-neutral way the console reads the CPR register. The verification
// engine (identification, question draw, scoring) and the sandbox trainer view read a person only
// through it; adapters put it over the register tables (the sandbox, or an imported CPR extract) or over
// Datafordeler's CPR service. MitID and identity documents are not CPR data: every adapter reads them
// from our own tables.
import type { Database, Tx } from '../../db/types';

export type RegisterSource = 'sandbox' | 'cpr-extract' | 'datafordeler';

export type PersonStatus = 'active' | 'deceased' | 'emigrated' | 'disappeared';
export type CivilStatus = 'unmarried' | 'married' | 'divorced' | 'widowed' | 'registered_partnership' | 'dissolved_partnership';

export interface PersonName {
  firstNames: string;
  middleName: string | null;
  lastName: string;
}

/** A relative as the register names them: enough to ask about them, never more. */
export interface RelativeRecord extends PersonName {
  cpr: string;
  sex: 'male' | 'female';
  birthDate: string;
}

/**
 * One period at one address. A Danish or Greenlandic address has street … municipalityCode; a stay
 * abroad has only the country. movedOut null: the current address. The register marks some dates as
 * uncertain (a move registered long after it happened): those flags travel with the dates.
 */
export interface AddressPeriod {
  /** 1, 2, … in the order the addresses were lived in. */
  seq: number;
  street: string | null;
  houseNumber: string | null;
  floor: string | null;
  door: string | null;
  postcode: string | null;
  town: string | null;
  municipalityCode: string | null;
  /** ISO 3166 alpha-2. */
  country: string;
  movedIn: string;
  movedOut: string | null;
  movedInUncertain?: boolean;
  movedOutUncertain?: boolean;
}

export interface CivilStatusPeriod {
  seq: number;
  status: CivilStatus;
  validFrom: string;
  /** The spouse or partner of a marriage/partnership and of its end; null when unknown to the register. */
  spouse: RelativeRecord | null;
}

/** Everything the console may use about one person, as the register stood on `asOf`. */
export interface PersonRecord {
  cpr: string;
  status: PersonStatus;
  statusDate: string | null;
  sex: 'male' | 'female';
  birthDate: string;
  name: PersonName;
  /** Names the person has left behind, oldest first. */
  formerNames: (PersonName & { validFrom: string; validTo: string })[];
  /** Addresses and stays abroad, in the order lived. */
  addresses: AddressPeriod[];
  civilStatus: CivilStatusPeriod[];
  parents: RelativeRecord[];
  children: RelativeRecord[];
  /** Name and address protection (CPR protection type 0001) in force on asOf. */
  nameAddressProtection: boolean;
  /** Where the birth was registered: a parish for people born in Denmark or Greenland, else a country. */
  birthRegistration: { place: string; kind: 'parish' | 'country' };
  /** ISO 3166 alpha-2. */
  citizenship: string;
  churchMember: boolean;
}

/** The parts of a record a reader fetches; scoring one answer needs one or two of them. */
export type RecordPart = 'person' | 'names' | 'addresses' | 'civil' | 'relations';
export const allRecordParts: readonly RecordPart[] = ['person', 'names', 'addresses', 'civil', 'relations'];

export interface DocumentRecord {
  type: 'passport' | 'driving_licence';
  number: string;
  issuingCountry: 'DK' | 'GL';
  cpr: string;
  issuedOn: string;
  expiresOn: string;
}

export interface MitidRecord {
  userId: string;
  mobileNumber: string;
  mobileRegisteredAt: Date;
}

/** A reader bound to one database connection or transaction (and, for online sources, one request). */
export interface RegisterReader {
  /**
   * The person as the register stood on `asOf` (yyyy-mm-dd), or null when unknown. Parts not asked
   * for come back empty (their fields hold neutral values and must not be read).
   */
  person(cpr: string, asOf: string, parts?: readonly RecordPart[]): Promise<PersonRecord | null>;
  /** The CPR number behind a MitID user ID (compared lower-case), from our own MitID table. */
  cprOfMitidUser(userId: string): Promise<string | null>;
  mitid(cpr: string): Promise<MitidRecord | null>;
  /** An identity document exactly as given (type and normalised number). */
  document(type: DocumentRecord['type'], number: string): Promise<DocumentRecord | null>;
  documentsOf(cpr: string): Promise<DocumentRecord[]>;
}

/** The call a reader serves: one verification, until it ends or times out. */
export interface CallScope {
  /** The verification's id. */
  id: string;
  /** When the call times out unless answered again. */
  until: Date;
}

export interface RegisterPort {
  readonly source: RegisterSource;
  /**
   * A reader over `db` (the caller's transaction when there is one: PGlite has one connection). An
   * online source keeps what it reads for `call` until the call ends or times out, never longer.
   */
  open(db: Database | Tx, call?: CallScope): RegisterReader;
  /** The call has ended: whatever a source kept for it goes now. */
  endCall?(id: string): void;
}
