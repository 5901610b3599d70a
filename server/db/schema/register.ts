// The CPR register as the console sees it: a synthetic copy in the sandbox (server/sandbox), the
// same shape if a real extract is ever loaded. The verification engine draws its questions from here.
// Dates of life events are `date` columns read as ISO strings (yyyy-mm-dd); instants are timestamptz.
// No foreign keys to register_persons: the register is loaded whole by one writer (server/sandbox/seed.ts,
// whose tests check every link), and per-row FK triggers more than doubled the seeding time.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const registerSexes = ['male', 'female'] as const;
export const personStatuses = ['active', 'deceased', 'emigrated', 'disappeared'] as const;
export const birthplaceKinds = ['parish', 'country'] as const;
export const civilStatuses = [
  'unmarried',
  'married',
  'divorced',
  'widowed',
  'registered_partnership',
  'dissolved_partnership',
] as const;
export const relationKinds = ['parent', 'child', 'spouse'] as const;
export const documentTypes = ['passport', 'driving_licence'] as const;
export const issuingCountries = ['DK', 'GL'] as const;

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

export const registerPersons = pgTable(
  'register_persons',
  {
    cpr: text('cpr').primaryKey(),
    firstNames: text('first_names').notNull(),
    middleName: text('middle_name'),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex', { enum: registerSexes }).notNull(),
    /** A Danish parish (sogn) for people born in Denmark or Greenland, else a country name. */
    birthplace: text('birthplace').notNull(),
    birthplaceKind: text('birthplace_kind', { enum: birthplaceKinds }).notNull(),
    /** ISO 3166 alpha-2, e.g. DK. */
    citizenship: text('citizenship').notNull(),
    status: text('status', { enum: personStatuses }).notNull(),
    /** When the status took effect: date of death, emigration or disappearance; null while active. */
    statusDate: date('status_date', { mode: 'string' }),
    nameAddressProtection: boolean('name_address_protection').notNull().default(false),
    churchMember: boolean('church_member').notNull(),
  },
  (t) => [
    check('register_persons_cpr_digits', sql`${t.cpr} ~ '^[0-9]{10}$'`),
    check('register_persons_sex', inList('sex', registerSexes)),
    check('register_persons_status', inList('status', personStatuses)),
    check('register_persons_birthplace_kind', inList('birthplace_kind', birthplaceKinds)),
  ],
);

/** Former names only (the current name is on the person); one row per name the person has left behind. */
export const registerNameHistory = pgTable(
  'register_name_history',
  {
    cpr: text('cpr').notNull(),
    /** 1, 2, … in the order the names were borne. */
    seq: integer('seq').notNull(),
    firstNames: text('first_names').notNull(),
    middleName: text('middle_name'),
    lastName: text('last_name').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
  },
  // The primary key leads with cpr, so it also serves "all names of this person".
  (t) => [primaryKey({ columns: [t.cpr, t.seq] })],
);

/**
 * Every address of a life, in order. A Danish address has street … municipality_code and country 'DK';
 * a Greenlandic one has country 'GL'; a stay abroad has only the country (street, postcode … null).
 * moved_out null marks the current address.
 */
export const registerAddresses = pgTable(
  'register_addresses',
  {
    cpr: text('cpr').notNull(),
    seq: integer('seq').notNull(),
    street: text('street'),
    /** With its letter, e.g. '12' or '12B'. */
    houseNumber: text('house_number'),
    /** 'st', 'kl' or '1'..'99'; null for a house. */
    floor: text('floor'),
    /** 'th', 'tv', 'mf' or a number; null when the floor has one door. */
    door: text('door'),
    postcode: text('postcode'),
    town: text('town'),
    /** The 2007- municipality code (e.g. '0751' Aarhus, '0956' Sermersooq); the old name follows from geography. */
    municipalityCode: text('municipality_code'),
    /** ISO 3166 alpha-2: 'DK', 'GL', or the country of a stay abroad. */
    country: text('country').notNull(),
    movedIn: date('moved_in', { mode: 'string' }).notNull(),
    movedOut: date('moved_out', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.cpr, t.seq] }),
    check('register_addresses_dates', sql`${t.movedOut} is null or ${t.movedOut} >= ${t.movedIn}`),
  ],
);

/** Civil status over a life; each row holds from valid_from until the next row's valid_from. */
export const registerCivilStatus = pgTable(
  'register_civil_status',
  {
    cpr: text('cpr').notNull(),
    seq: integer('seq').notNull(),
    status: text('status', { enum: civilStatuses }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** The spouse or partner of a marriage/partnership and of its end (divorce, widowhood). */
    spouseCpr: text('spouse_cpr'),
  },
  (t) => [primaryKey({ columns: [t.cpr, t.seq] }), check('register_civil_status_status', inList('status', civilStatuses))],
);

/**
 * Family links, stored both ways: (A, parent, B) means B is A's parent and comes with (B, child, A).
 * 'spouse' is the current spouse or registered partner; former ones are in the civil status history.
 */
export const registerRelations = pgTable(
  'register_relations',
  {
    cpr: text('cpr').notNull(),
    kind: text('kind', { enum: relationKinds }).notNull(),
    relatedCpr: text('related_cpr').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cpr, t.kind, t.relatedCpr] }), check('register_relations_kind', inList('kind', relationKinds))],
);

/** Passports (9 digits) and driving licences (8 digits), Danish or Greenlandic; expired ones stay listed. */
export const registerDocuments = pgTable(
  'register_documents',
  {
    type: text('type', { enum: documentTypes }).notNull(),
    number: text('number').notNull(),
    issuingCountry: text('issuing_country', { enum: issuingCountries }).notNull(),
    cpr: text('cpr').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.type, t.number] }),
    // The caller gives a number without saying which kind it is.
    index('register_documents_number_idx').on(t.number),
    index('register_documents_cpr_idx').on(t.cpr),
    check('register_documents_type', inList('type', documentTypes)),
    check('register_documents_issuing_country', inList('issuing_country', issuingCountries)),
    check('register_documents_number_digits', sql`${t.number} ~ '^[0-9]{8,9}$'`),
  ],
);

/** The person's MitID: one per person at most. New passwords (activation) are stored as hashes here. */
export const registerMitid = pgTable(
  'register_mitid',
  {
    /** Stored lower-case: user IDs are not case-sensitive. */
    userId: text('user_id').primaryKey(),
    cpr: text('cpr').notNull(),
    /** E.164, e.g. '+4520123456' or '+299551234'. */
    mobileNumber: text('mobile_number').notNull(),
    /** When this mobile number was registered or last changed: no SMS code within 5 days of it. */
    mobileRegisteredAt: timestamp('mobile_registered_at', { withTimezone: true, mode: 'date' }).notNull(),
    passwordHash: text('password_hash'),
  },
  (t) => [
    uniqueIndex('register_mitid_cpr_idx').on(t.cpr),
    check('register_mitid_user_id_lower', sql`${t.userId} = lower(${t.userId})`),
  ],
);

/** Facts about the register itself: source ('sandbox' for the synthetic one), seed, persons, generated_at. */
export const registerMeta = pgTable('register_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * The CPR code tables, one row per code, as the code files give them (P05780 roads with their post
 * districts, P02680 authorities: municipalities old and new, parishes, countries, each with validity).
 * Loaded once, by the extract import (source = the file's import key, whose provenance is in
 * register_meta `import:<key>`) or by the sandbox seed (source 'sandbox'), then read by the importer and
 * the writer instead of files. A code file is a whole table: a newer one replaces its kind's rows.
 */
export const registerCodeKinds = ['road', 'post_district', 'authority'] as const;
export const registerCodes = pgTable(
  'register_codes',
  {
    kind: text('kind', { enum: registerCodeKinds }).notNull(),
    /** Roads and post districts: the 4-digit municipality code the road code belongs to; '' for authorities. */
    municipalityCode: text('municipality_code').notNull(),
    /** Road code (4 digits within the municipality) or authority code (4 digits). */
    code: text('code').notNull(),
    /** Post districts: 1, 2, … per road (house number ranges); 0 otherwise. */
    seq: integer('seq').notNull(),
    /** Road name, post district name, or the authority's full name. */
    name: text('name').notNull(),
    /** Authorities: '05' municipality, '25' parish, '30' country, … (P02680). */
    authorityType: text('authority_type'),
    /** Countries: ISO 3166 alpha-2. */
    alpha2: text('alpha2'),
    postcode: text('postcode'),
    houseFrom: integer('house_from'),
    houseTo: integer('house_to'),
    /** 'L' even house numbers, 'U' odd, anything else both. */
    evenOdd: text('even_odd'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    source: text('source').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.municipalityCode, t.code, t.seq] }),
    check('register_codes_kind', inList('kind', registerCodeKinds)),
  ],
);

export type RegisterPerson = typeof registerPersons.$inferInsert;
export type RegisterNameRow = typeof registerNameHistory.$inferInsert;
export type RegisterAddress = typeof registerAddresses.$inferInsert;
export type RegisterCivilStatusRow = typeof registerCivilStatus.$inferInsert;
export type RegisterRelation = typeof registerRelations.$inferInsert;
export type RegisterDocument = typeof registerDocuments.$inferInsert;
export type RegisterMitid = typeof registerMitid.$inferInsert;
export type RegisterMetaRow = typeof registerMeta.$inferInsert;
export type RegisterCodeRow = typeof registerCodes.$inferInsert;
