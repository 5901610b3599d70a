// Demo personas: fixed people present in every sandbox register, for training and tests. Trainers play
// the caller with the facts below (README "Sandbox register and demo personas").
import { parseCpr } from '../../shared/domain/cpr';
import { postcodeByCode } from '../../shared/domain/geography';
import type { RegisterAddress, RegisterCivilStatusRow, RegisterDocument, RegisterPerson, RegisterRelation } from '../db/schema/register';
import { abroadAddress } from './places';
import type { PersonRecord } from './records';

type Civil = RegisterCivilStatusRow['status'];
/** [moved in, street, house number, floor, door, postcode] or [moved in, country abroad]. */
type AddressSpec = readonly [string, string, string, string | null, string | null, string] | readonly [string, string];

interface PersonaSpec {
  cpr: string;
  firstNames: string;
  middleName?: string;
  lastName: string;
  sex: 'male' | 'female';
  birthplace: string;
  birthplaceKind?: 'parish' | 'country';
  status?: RegisterPerson['status'];
  statusDate?: string;
  protection?: boolean;
  church?: boolean;
  formerNames?: readonly { firstNames: string; middleName?: string; lastName: string; from: string; to: string }[];
  addresses: readonly AddressSpec[];
  civil?: readonly (readonly [Civil, string, string?])[];
  documents?: readonly (readonly [RegisterDocument['type'], string, string, string, ('DK' | 'GL')?])[];
  mitid?: { userId: string; mobile: string; registeredAt: (now: Date) => Date };
}

const at = (iso: string) => () => new Date(iso);

/** The people a trainer plays; keys name their role. Relatives follow in `personaRelatives`. */
export const personas = {
  /** (a) Passes easily: long, memorable history, valid passport, MitID with an old mobile number. */
  easy: {
    cpr: '1203681158',
    firstNames: 'Kirsten',
    middleName: 'Jensen',
    lastName: 'Holm',
    sex: 'female',
    birthplace: 'Aarhus Domsogn',
    church: true,
    formerNames: [{ firstNames: 'Kirsten', lastName: 'Jensen', from: '1968-03-12', to: '1993-06-12' }],
    addresses: [
      ['1968-03-12', 'Nørregade', '12', '1', 'tv', '8000'],
      ['1987-08-01', 'Istedgade', '45', '3', 'th', '1650'],
      ['1993-06-01', 'Skovvej', '8', null, null, '2820'],
      ['2004-09-15', 'Lindevej', '21', null, null, '2900'],
    ],
    civil: [
      ['unmarried', '1968-03-12'],
      ['married', '1993-06-12', '2801661141'],
    ],
    documents: [
      ['passport', '204518637', '2022-05-10', '2032-05-10'],
      ['driving_licence', '31847265', '2019-03-01', '2034-03-01'],
    ],
    mitid: { userId: 'kirsten.holm', mobile: '+4520481937', registeredAt: at('2021-11-03T10:15:00Z') },
  },
  /** (b) Tricky address history: 8 addresses, abroad twice, letters/floors/doors, Søllerød→Rudersdal in 2007. */
  trickyAddresses: {
    cpr: '2308792199',
    firstNames: 'Mikkel',
    middleName: 'Østergaard',
    lastName: 'Sørensen',
    sex: 'male',
    birthplace: 'Gentofte Sogn',
    church: false,
    addresses: [
      ['1979-08-23', 'Skovvænget', '3', null, null, '2920'],
      ['1998-08-15', 'Nørrebrogade', '52B', '4', 'th', '2200'],
      ['2001-02-01', 'SE'],
      ['2003-07-01', 'Kongevejen', '114A', '1', 'tv', '2840'],
      ['2008-04-01', 'Jægergårdsgade', '21', 'st', 'mf', '8000'],
      ['2010-10-01', 'GB'],
      ['2014-01-01', 'Åboulevard', '7', '2', '3', '1850'],
      ['2019-06-01', 'Søndre Fasanvej', '88', 'kl', null, '2500'],
    ],
    civil: [
      ['unmarried', '1979-08-23'],
      ['married', '2015-05-30', '1806832142'],
      ['divorced', '2021-02-01', '1806832142'],
    ],
    documents: [
      ['passport', '613904528', '2020-01-20', '2030-01-20'],
      ['driving_licence', '50938142', '2017-09-04', '2032-09-04'],
    ],
    mitid: { userId: 'mikkel.oestergaard', mobile: '+4531275508', registeredAt: at('2022-01-10T18:40:00Z') },
  },
  /** (c) Expired passport, valid driving licence; her CPR number fails modulus 11 and is valid. */
  expiredPassport: {
    cpr: '0101854138',
    firstNames: 'Anne-Mette',
    lastName: 'Lindberg',
    sex: 'female',
    birthplace: 'Odense Sankt Knuds Sogn',
    church: true,
    addresses: [
      ['1985-01-01', 'Vindegade', '64', '2', 'tv', '5000'],
      ['2004-08-01', 'Niels Juels Gade', '9', '3', 'th', '8200'],
      ['2011-03-15', 'Bøgevej', '17', null, null, '5500'],
    ],
    civil: [['unmarried', '1985-01-01']],
    documents: [
      ['passport', '409127356', '2014-02-14', '2024-02-14'],
      ['driving_licence', '27419038', '2021-06-02', '2036-06-02'],
    ],
    mitid: { userId: 'annemette.lindberg', mobile: '+4542196630', registeredAt: at('2023-03-08T08:05:00Z') },
  },
  /**
   * (d) Mobile number changed 2 days before the seeding clock: he can pass (three earlier homes, both
   * parents, a birthplace), but no SMS may be sent yet, so the code turns into a referral.
   */
  recentMobile: {
    cpr: '3011923169',
    firstNames: 'Jonas',
    lastName: 'Frederiksen',
    sex: 'male',
    birthplace: 'Budolfi Sogn',
    church: true,
    addresses: [
      ['1992-11-30', 'Kastanievej', '5', null, null, '9000'],
      ['2011-08-20', 'Sønder Allé', '22', '4', 'th', '8000'],
      ['2014-09-01', 'Nørre Allé', '41', '1', 'tv', '8000'],
      ['2018-02-01', 'Vesterbrogade', '131', '2', 'tv', '1620'],
    ],
    civil: [['unmarried', '1992-11-30']],
    documents: [['passport', '512640893', '2023-09-11', '2033-09-11']],
    mitid: {
      userId: 'jonas.frederiksen',
      mobile: '+4528830417',
      registeredAt: (now) => new Date(now.getTime() - 2 * 86_400_000),
    },
  },
  /** Deceased: his documents and register record remain; no MitID. */
  deceased: {
    cpr: '0204381143',
    firstNames: 'Bent',
    lastName: 'Madsen',
    sex: 'male',
    birthplace: 'Næstved Sankt Peders Sogn',
    status: 'deceased',
    statusDate: '2023-09-14',
    church: true,
    addresses: [
      ['1938-04-02', 'Kirkevej', '3', null, null, '4700'],
      ['1962-05-01', 'Egevej', '11', null, null, '4171'],
    ],
    civil: [
      ['unmarried', '1938-04-02'],
      ['married', '1962-05-19', '1107401144'],
    ],
    // Renewed in 2019 and valid by its date: a call reaches the register, which says he has died.
    documents: [['passport', '198244510', '2019-04-01', '2029-04-01']],
  },
  /** Name and address protection. */
  protected: {
    cpr: '0707902140',
    firstNames: 'Louise',
    lastName: 'Kjær',
    sex: 'female',
    birthplace: 'Roskilde Domsogn',
    protection: true,
    church: false,
    addresses: [
      ['1990-07-07', 'Algade', '30', '1', 'th', '4000'],
      ['2009-09-01', 'Tagensvej', '86', '5', 'tv', '2200'],
      ['2016-04-01', 'Fasanvej', '9', null, null, '3460'],
    ],
    civil: [['unmarried', '1990-07-07']],
    documents: [['passport', '287350164', '2019-07-01', '2029-07-01']],
    mitid: { userId: 'louise.kjaer', mobile: '+4560184422', registeredAt: at('2022-06-01T12:00:00Z') },
  },
  /** No MitID: Support can verify him but has no one to send a code to. */
  noMitid: {
    cpr: '1905511137',
    firstNames: 'Erik',
    lastName: 'Nygaard',
    sex: 'male',
    birthplace: 'Viborg Domsogn',
    church: true,
    addresses: [
      ['1951-05-19', 'Sct. Mathias Gade', '40', null, null, '8800'],
      ['1972-10-01', 'Møllegade', '7', null, null, '8850'],
    ],
    civil: [
      ['unmarried', '1951-05-19'],
      ['married', '1975-08-02'],
      ['widowed', '2019-01-12'],
    ],
    documents: [
      ['passport', '330918472', '2018-02-26', '2028-02-26'],
      ['driving_licence', '61530277', '2018-05-19', '2033-05-19'],
    ],
  },
  /** Emigrated to Australia; keeps a valid passport and her MitID. */
  emigrated: {
    cpr: '1409953138',
    firstNames: 'Sara',
    lastName: 'Lund',
    sex: 'female',
    birthplace: 'Sankt Hans Sogn',
    status: 'emigrated',
    statusDate: '2022-08-01',
    church: false,
    addresses: [
      ['1995-09-14', 'Hunderupvej', '77', null, null, '5230'],
      ['2014-08-01', 'Trøjborgvej', '18', '2', 'th', '8200'],
      ['2022-08-01', 'AU'],
    ],
    civil: [['unmarried', '1995-09-14']],
    documents: [['passport', '774120935', '2021-02-01', '2031-02-01']],
    mitid: { userId: 'sara.lund', mobile: '+4540551276', registeredAt: at('2021-12-15T09:30:00Z') },
  },
  /** One address in his whole life: the farm he was born on (Rødding Kommune before 2007, Vejen after). */
  singleAddress: {
    cpr: '1010471199',
    firstNames: 'Hans Peter',
    lastName: 'Mortensen',
    sex: 'male',
    birthplace: 'Rødding Sogn',
    church: true,
    addresses: [['1947-10-10', 'Møllevej', '4', null, null, '6630']],
    civil: [['unmarried', '1947-10-10']],
    documents: [['driving_licence', '73920461', '2022-10-10', '2027-10-10']],
    mitid: { userId: 'hp.mortensen', mobile: '+4523587190', registeredAt: at('2021-12-01T14:20:00Z') },
  },
  /** His passport number differs from Kirsten Holm's (204518637) in exactly one digit. */
  nearPassport: {
    cpr: '2502741139',
    firstNames: 'Peter',
    lastName: 'Vestergaard',
    sex: 'male',
    birthplace: 'Horsens Vor Frelsers Sogn',
    church: true,
    addresses: [
      ['1974-02-25', 'Bakkevej', '19', null, null, '8700'],
      ['1996-01-01', 'Vestergade', '3C', '1', 'th', '7100'],
    ],
    civil: [['unmarried', '1974-02-25']],
    documents: [['passport', '204518687', '2021-08-30', '2031-08-30']],
    mitid: { userId: 'peter.vestergaard', mobile: '+4529174405', registeredAt: at('2022-03-22T07:45:00Z') },
  },
  /** Greenlandic: born in Nuuk, some years in Aalborg, back in Nuuk; Greenlandic documents. */
  greenlandic: {
    cpr: '2106883141',
    firstNames: 'Aputsiaq',
    lastName: 'Kleist',
    sex: 'male',
    birthplace: 'Nuuk Sogn',
    church: true,
    addresses: [
      ['1988-06-21', 'Aqqusinersuaq', '14', '2', 'tv', '3900'],
      ['2007-08-01', 'Kaalikasik', '5', null, null, '3911'],
      ['2012-09-01', 'Borgergade', '9', '1', 'th', '9000'],
      ['2016-06-15', 'Imaneq', '21', null, null, '3900'],
    ],
    civil: [['unmarried', '1988-06-21']],
    documents: [
      ['passport', '590372114', '2020-11-02', '2030-11-02', 'GL'],
      ['driving_licence', '46201839', '2016-09-01', '2031-09-01', 'GL'],
    ],
    mitid: { userId: 'aputsiaq.kleist', mobile: '+299551234', registeredAt: at('2022-02-14T16:00:00Z') },
  },
} as const satisfies Record<string, PersonaSpec>;

/** Relatives of the personas, so questions about parents, spouses and children have answers. */
export const personaRelatives = {
  kirstenFather: {
    cpr: '0209401169',
    firstNames: 'Poul Erik',
    lastName: 'Jensen',
    sex: 'male',
    birthplace: 'Randers Sankt Mortens Sogn',
    status: 'deceased',
    statusDate: '2015-11-20',
    church: true,
    addresses: [
      ['1940-09-02', 'Brogade', '2', null, null, '8900'],
      ['1966-05-01', 'Nørregade', '12', '1', 'tv', '8000'],
      ['2010-04-01', 'Birkevej', '3', null, null, '8260'],
    ],
    civil: [
      ['unmarried', '1940-09-02'],
      ['married', '1964-07-04', '1705421168'],
    ],
  },
  kirstenMother: {
    cpr: '1705421168',
    firstNames: 'Inge',
    lastName: 'Jensen',
    sex: 'female',
    birthplace: 'Silkeborg Sogn',
    church: true,
    formerNames: [{ firstNames: 'Inge', lastName: 'Bruun', from: '1942-05-17', to: '1964-07-04' }],
    addresses: [
      ['1942-05-17', 'Søndergade', '15', null, null, '8600'],
      ['1966-05-01', 'Nørregade', '12', '1', 'tv', '8000'],
      ['2010-04-01', 'Birkevej', '3', null, null, '8260'],
    ],
    civil: [
      ['unmarried', '1942-05-17'],
      ['married', '1964-07-04', '0209401169'],
      ['widowed', '2015-11-20', '0209401169'],
    ],
  },
  kirstenHusband: {
    cpr: '2801661141',
    firstNames: 'Henrik',
    lastName: 'Holm',
    sex: 'male',
    birthplace: 'Roskilde Domsogn',
    church: true,
    addresses: [
      ['1966-01-28', 'Algade', '30', null, null, '4000'],
      ['1990-02-01', 'Amagerbrogade', '120', '2', 'tv', '2300'],
      ['1993-06-01', 'Skovvej', '8', null, null, '2820'],
      ['2004-09-15', 'Lindevej', '21', null, null, '2900'],
    ],
    civil: [
      ['unmarried', '1966-01-28'],
      ['married', '1993-06-12', '1203681158'],
    ],
    documents: [['driving_licence', '38027716', '2020-02-03', '2035-02-03']],
    mitid: { userId: 'henrik.holm', mobile: '+4526604318', registeredAt: at('2021-11-05T19:00:00Z') },
  },
  kirstenSon: {
    cpr: '0904951137',
    firstNames: 'Mads',
    lastName: 'Holm',
    sex: 'male',
    birthplace: 'Gentofte Sogn',
    church: true,
    addresses: [
      ['1995-04-09', 'Skovvej', '8', null, null, '2820'],
      ['2004-09-15', 'Lindevej', '21', null, null, '2900'],
      ['2015-08-01', 'Frederiks Allé', '40', '2', 'th', '8000'],
    ],
    civil: [['unmarried', '1995-04-09']],
  },
  kirstenDaughter: {
    cpr: '2110981158',
    firstNames: 'Sofie',
    lastName: 'Holm',
    sex: 'female',
    birthplace: 'Gentofte Sogn',
    church: false,
    addresses: [
      ['1998-10-21', 'Skovvej', '8', null, null, '2820'],
      ['2004-09-15', 'Lindevej', '21', null, null, '2900'],
      ['2017-08-15', 'Jagtvej', '101', '4', 'tv', '2200'],
    ],
    civil: [['unmarried', '1998-10-21']],
  },
  jonasMother: {
    cpr: '0904661262',
    firstNames: 'Hanne',
    lastName: 'Frederiksen',
    sex: 'female',
    birthplace: 'Hjørring Sogn',
    church: true,
    addresses: [
      ['1966-04-09', 'Østergade', '7', null, null, '9800'],
      ['1989-05-01', 'Kastanievej', '5', null, null, '9000'],
    ],
    civil: [
      ['unmarried', '1966-04-09'],
      ['married', '1990-08-11', '2110641175'],
    ],
  },
  jonasFather: {
    cpr: '2110641175',
    firstNames: 'Ole',
    lastName: 'Frederiksen',
    sex: 'male',
    birthplace: 'Budolfi Sogn',
    church: true,
    addresses: [
      ['1964-10-21', 'Vesterbro', '52', '2', 'th', '9000'],
      ['1989-05-01', 'Kastanievej', '5', null, null, '9000'],
    ],
    civil: [
      ['unmarried', '1964-10-21'],
      ['married', '1990-08-11', '0904661262'],
    ],
  },
  mikkelFather: {
    cpr: '1402501169',
    firstNames: 'Jens',
    lastName: 'Sørensen',
    sex: 'male',
    birthplace: 'Hellerup Sogn',
    church: true,
    addresses: [
      ['1950-02-14', 'Strandvejen', '220', null, null, '2900'],
      ['1977-06-01', 'Skovvænget', '3', null, null, '2920'],
    ],
    civil: [
      ['unmarried', '1950-02-14'],
      ['married', '1976-09-18', '0312521148'],
    ],
  },
  mikkelMother: {
    cpr: '0312521148',
    firstNames: 'Birthe',
    middleName: 'Østergaard',
    lastName: 'Sørensen',
    sex: 'female',
    birthplace: 'Herning Sogn',
    church: true,
    formerNames: [{ firstNames: 'Birthe', lastName: 'Østergaard', from: '1952-12-03', to: '1976-09-18' }],
    addresses: [
      ['1952-12-03', 'Bredgade', '41', null, null, '7400'],
      ['1972-08-01', 'Classensgade', '18', '3', 'th', '2100'],
      ['1977-06-01', 'Skovvænget', '3', null, null, '2920'],
    ],
    civil: [
      ['unmarried', '1952-12-03'],
      ['married', '1976-09-18', '1402501169'],
    ],
  },
  mikkelFormerWife: {
    cpr: '1806832142',
    firstNames: 'Line',
    lastName: 'Dahl',
    sex: 'female',
    birthplace: 'Odense Sankt Knuds Sogn',
    church: true,
    addresses: [
      ['1983-06-18', 'Vestergade', '10', null, null, '5000'],
      ['2008-08-01', 'Ryesgade', '30', '2', 'th', '2200'],
      ['2015-05-01', 'Åboulevard', '7', '2', '3', '1850'],
      ['2019-06-01', 'Søndre Fasanvej', '88', 'kl', null, '2500'],
      ['2021-01-15', 'Elmegade', '5', '1', 'tv', '2200'],
    ],
    civil: [
      ['unmarried', '1983-06-18'],
      ['married', '2015-05-30', '2308792199'],
      ['divorced', '2021-02-01', '2308792199'],
    ],
    documents: [['passport', '655012983', '2019-05-02', '2029-05-02']],
    mitid: { userId: 'line.dahl', mobile: '+4561220984', registeredAt: at('2021-10-29T11:11:00Z') },
  },
  bentWife: {
    cpr: '1107401144',
    firstNames: 'Grethe',
    lastName: 'Madsen',
    sex: 'female',
    birthplace: 'Næstved Sankt Peders Sogn',
    church: true,
    formerNames: [{ firstNames: 'Grethe', lastName: 'Olsen', from: '1940-07-11', to: '1962-05-19' }],
    addresses: [
      ['1940-07-11', 'Ringstedgade', '19', null, null, '4700'],
      ['1962-05-01', 'Egevej', '11', null, null, '4171'],
    ],
    civil: [
      ['unmarried', '1940-07-11'],
      ['married', '1962-05-19', '0204381143'],
      ['widowed', '2023-09-14', '0204381143'],
    ],
    mitid: { userId: 'grethe.madsen', mobile: '+4522409183', registeredAt: at('2022-04-04T10:00:00Z') },
  },
} as const satisfies Record<string, PersonaSpec>;

/** Family links among personas and relatives: [child, mother, father] and [spouse, spouse] (current). */
const parentLinks: readonly (readonly [string, string, string])[] = [
  [personas.easy.cpr, personaRelatives.kirstenMother.cpr, personaRelatives.kirstenFather.cpr],
  [personaRelatives.kirstenSon.cpr, personas.easy.cpr, personaRelatives.kirstenHusband.cpr],
  [personaRelatives.kirstenDaughter.cpr, personas.easy.cpr, personaRelatives.kirstenHusband.cpr],
  [personas.trickyAddresses.cpr, personaRelatives.mikkelMother.cpr, personaRelatives.mikkelFather.cpr],
  [personas.recentMobile.cpr, personaRelatives.jonasMother.cpr, personaRelatives.jonasFather.cpr],
];
const spouseLinks: readonly (readonly [string, string])[] = [
  [personas.easy.cpr, personaRelatives.kirstenHusband.cpr],
  [personaRelatives.mikkelMother.cpr, personaRelatives.mikkelFather.cpr],
  [personaRelatives.jonasMother.cpr, personaRelatives.jonasFather.cpr],
];

function birthDateOf(cpr: string): string {
  const parsed = parseCpr(cpr);
  if (!parsed.ok) throw new Error(`persona ${cpr}: ${parsed.reason}`);
  return parsed.cpr.birthDate;
}

function toRecord(spec: PersonaSpec, now: Date): PersonRecord {
  const cpr = spec.cpr;
  const addresses: RegisterAddress[] = spec.addresses.map((a, i) => {
    const next = spec.addresses[i + 1];
    const common = { cpr, seq: i + 1, movedIn: a[0], movedOut: next ? next[0] : null };
    if (a.length === 2) return { ...common, ...abroadAddress, country: a[1] };
    const [, street, houseNumber, floor, door, postcode] = a;
    const place = postcodeByCode(postcode);
    if (!place) throw new Error(`persona ${cpr}: unknown postcode ${postcode}`);
    return { ...common, street, houseNumber, floor, door, postcode, town: place.town, municipalityCode: place.municipalityCode, country: place.country };
  });
  const relations: RegisterRelation[] = [
    ...parentLinks.flatMap(([child, mother, father]): RegisterRelation[] =>
      child === cpr
        ? [
            { cpr, kind: 'parent' as const, relatedCpr: mother },
            { cpr, kind: 'parent' as const, relatedCpr: father },
          ]
        : mother === cpr || father === cpr
          ? [{ cpr, kind: 'child' as const, relatedCpr: child }]
          : [],
    ),
    ...spouseLinks.flatMap(([a, b]): RegisterRelation[] => (a === cpr ? [{ cpr, kind: 'spouse' as const, relatedCpr: b }] : b === cpr ? [{ cpr, kind: 'spouse' as const, relatedCpr: a }] : [])),
  ];
  return {
    person: {
      cpr,
      firstNames: spec.firstNames,
      middleName: spec.middleName ?? null,
      lastName: spec.lastName,
      birthDate: birthDateOf(cpr),
      sex: spec.sex,
      birthplace: spec.birthplace,
      birthplaceKind: spec.birthplaceKind ?? 'parish',
      citizenship: 'DK',
      status: spec.status ?? 'active',
      statusDate: spec.statusDate ?? null,
      nameAddressProtection: spec.protection ?? false,
      churchMember: spec.church ?? false,
    },
    names: (spec.formerNames ?? []).map((n, i) => ({
      cpr,
      seq: i + 1,
      firstNames: n.firstNames,
      middleName: n.middleName ?? null,
      lastName: n.lastName,
      validFrom: n.from,
      validTo: n.to,
    })),
    addresses,
    civilStatus: (spec.civil ?? []).map(([status, from, spouse], i) => ({ cpr, seq: i + 1, status, validFrom: from, spouseCpr: spouse ?? null })),
    relations,
    documents: (spec.documents ?? []).map(([type, number, issuedOn, expiresOn, country]) => ({
      type,
      number,
      issuingCountry: country ?? 'DK',
      cpr,
      issuedOn,
      expiresOn,
    })),
    mitid: spec.mitid
      ? { userId: spec.mitid.userId, cpr, mobileNumber: spec.mitid.mobile, mobileRegisteredAt: spec.mitid.registeredAt(now), passwordHash: null }
      : null,
  };
}

/** Every persona and relative as register rows; `now` places the recent mobile change. */
export function personaRecords(now: Date): PersonRecord[] {
  return [...Object.values(personas), ...Object.values(personaRelatives)].map((spec) => toRecord(spec, now));
}
