import { describe, expect, it } from 'vitest';
import { scoreMunicipality, type MunicipalityFact } from '../../../../../shared/domain/scoring/index';
import { expectOutcome, type Outcome, type Row } from './outcome';

interface Case {
  fact: MunicipalityFact;
  /** The name as callers say it, without "Kommune" (the forms below add it). */
  accepted: string[];
  /** Neighbouring or similar-sounding municipalities. */
  rejected: string[];
}

const cases: Case[] = [
  {
    fact: { acceptedNames: ['Københavns Kommune'] },
    accepted: ['København', 'Københavns', 'Kobenhavn', 'Koebenhavn', 'Kbh.', 'KØBENHAVN'],
    rejected: ['Frederiksberg', 'Tårnby', 'Gentofte', 'Hvidovre', 'Dragør', 'Rødovre'],
  },
  {
    fact: { acceptedNames: ['Aarhus Kommune', 'Århus Kommune'] },
    accepted: ['Aarhus', 'Århus', 'Arhus', 'AARHUS', 'aarhus'],
    rejected: ['Horsens', 'Aabenraa', 'Aalborg', 'Randers', 'Skanderborg', 'Favrskov', 'Odder', 'Syddjurs'],
  },
  {
    fact: { acceptedNames: ['Lyngby-Taarbæk Kommune'] },
    accepted: ['Lyngby-Taarbæk', 'Lyngby Taarbæk', 'Lyngby-Tårbæk', 'Lyngby-Taarbaek', 'lyngby taarbaek'],
    rejected: ['Gladsaxe', 'Rudersdal', 'Gentofte', 'Furesø', 'Ballerup'],
  },
  {
    // After 2007 plus the pre-2007 municipality of the same town, as the engine passes them.
    fact: { acceptedNames: ['Ringkøbing-Skjern Kommune', 'Ringkøbing Kommune'] },
    accepted: ['Ringkøbing-Skjern', 'Ringkøbing', 'Ringkobing Skjern', 'Ringkoebing', 'Ringkøbing Skjern'],
    rejected: ['Skjern', 'Holstebro', 'Herning', 'Ringsted', 'Rønne', 'Videbæk'],
  },
  {
    fact: { acceptedNames: ['Vejle Kommune'] },
    accepted: ['Vejle', 'VEJLE', 'vejle'],
    rejected: ['Vejen', 'Velje', 'Kolding', 'Fredericia', 'Hedensted', 'Vejle Amt'],
  },
  {
    fact: { acceptedNames: ['Høje-Taastrup Kommune'] },
    accepted: ['Høje-Taastrup', 'Høje Tåstrup', 'Hoeje-Taastrup', 'Hoje Taastrup', 'Høje Taastrup'],
    rejected: ['Taastrup', 'Albertslund', 'Ishøj', 'Høje Gladsaxe', 'Greve'],
  },
  {
    fact: { acceptedNames: ['Frederiksberg Kommune'] },
    accepted: ['Frederiksberg', 'frederiksberg', 'Frederiksbjerg'],
    rejected: ['Frederikssund', 'Frederikshavn', 'Fredensborg', 'København', 'Fredericia'],
  },
  {
    fact: { acceptedNames: ['Sorø Kommune'] },
    accepted: ['Sorø', 'Soro', 'Soroe', 'SORØ'],
    rejected: ['Solrød', 'Slagelse', 'Ringsted', 'Stevns', 'Skørping'],
  },
];

const acceptForms = [(n: string) => n, (n: string) => `${n} Kommune`, (n: string) => `${n} kommune`, (n: string) => `i ${n}`];
const rejectForms = [(n: string) => n, (n: string) => `${n} Kommune`];

const rows: Row<MunicipalityFact>[] = cases.flatMap((c) => [
  ...c.accepted.flatMap((a) => acceptForms.map((f) => ({ answer: f(a), fact: c.fact, outcome: 'accept' as Outcome }))),
  ...c.rejected.flatMap((r) => rejectForms.map((f) => ({ answer: f(r), fact: c.fact, outcome: 'reject' as Outcome }))),
]);

describe('scoreMunicipality: realistic answers', () => {
  it('has a table of at least 200 answers', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  it.each(rows)('$answer (register: $fact.acceptedNames) → $outcome', ({ answer, fact, outcome }) => {
    expectOutcome(scoreMunicipality(answer, fact), outcome, answer);
  });
});

describe('scoreMunicipality: rules', () => {
  it('does not accept the word "Kommune" alone or an empty answer', () => {
    expect(scoreMunicipality('Kommune', { acceptedNames: ['Vejle Kommune'] })).toBe(0);
    expect(scoreMunicipality('', { acceptedNames: ['Vejle Kommune'] })).toBe(0);
  });

  it('matches accepted names given without "Kommune" too', () => {
    expect(scoreMunicipality('Københavns Kommune', { acceptedNames: ['København'] })).toBe(1);
  });
});

describe('scoreMunicipality: the 98 municipalities stay apart', () => {
  const all = (
    'Albertslund,Allerød,Assens,Ballerup,Billund,Bornholm,Brøndby,Brønderslev,Dragør,Egedal,Esbjerg,Fanø,Favrskov,Faxe,' +
    'Fredensborg,Fredericia,Frederiksberg,Frederikshavn,Frederikssund,Furesø,Faaborg-Midtfyn,Gentofte,Gladsaxe,Glostrup,Greve,' +
    'Gribskov,Guldborgsund,Haderslev,Halsnæs,Hedensted,Helsingør,Herlev,Herning,Hillerød,Hjørring,Holbæk,Holstebro,Horsens,' +
    'Hvidovre,Høje-Taastrup,Hørsholm,Ikast-Brande,Ishøj,Jammerbugt,Kalundborg,Kerteminde,Kolding,København,Køge,Langeland,' +
    'Lejre,Lemvig,Lolland,Lyngby-Taarbæk,Læsø,Mariagerfjord,Middelfart,Morsø,Norddjurs,Nordfyns,Nyborg,Næstved,Odder,Odense,' +
    'Odsherred,Randers,Rebild,Ringkøbing-Skjern,Ringsted,Roskilde,Rudersdal,Rødovre,Samsø,Silkeborg,Skanderborg,Skive,' +
    'Slagelse,Solrød,Sorø,Stevns,Struer,Svendborg,Syddjurs,Sønderborg,Thisted,Tønder,Tårnby,Vallensbæk,Varde,Vejen,Vejle,' +
    'Vesthimmerlands,Viborg,Vordingborg,Ærø,Aabenraa,Aalborg,Aarhus'
  ).split(',');

  it('lists 98', () => expect(new Set(all).size).toBe(98));

  it('accepts each for itself and none for another', () => {
    const wrong: string[] = [];
    for (const said of all) {
      for (const registered of all) {
        const expected = said === registered ? 1 : 0;
        if (scoreMunicipality(`${said} Kommune`, { acceptedNames: [`${registered} Kommune`] }) !== expected) wrong.push(`${said} for ${registered}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
