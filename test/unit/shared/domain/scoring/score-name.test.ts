import { describe, expect, it } from 'vitest';
import { scoreName, type NameFact } from '../../../../../shared/domain/scoring/index';
import { expectOutcome, type Outcome, type Row } from './outcome';

interface Case {
  fact: NameFact;
  /** Ways the person's own names reach the agent's keyboard. */
  accepted: string[];
  /** Siblings' names, similar names, names containing the right one. */
  rejected: string[];
}

const cases: Case[] = [
  {
    fact: { acceptedNames: ['Søren', 'Christian'] },
    accepted: ['Søren', 'Soren', 'Soeren', 'SØREN', 'Sören', 'Christian', 'Kristian', 'Søren Christian', 'Søren Kristian', 'Soeren-Christian'],
    rejected: ['Sørensen', 'Svend', 'Christina', 'Christiane', 'Mads', 'Søs', 'Christensen', 'Chris'],
  },
  {
    fact: { acceptedNames: ['Anne', 'Marie'] },
    accepted: ['Anne', 'anne', 'ANNE', 'Marie', 'Anne Marie', 'Anne-Marie', 'Marie Anne'],
    rejected: ['Annette', 'Anna', 'Ane', 'Hanne', 'Marianne', 'Maria', 'Mia', 'Anne-Mette', 'Annemarie Jensen'],
  },
  {
    fact: { acceptedNames: ['Mette'] },
    accepted: ['Mette', 'mette', 'METTE', 'Mete'],
    rejected: ['Mette-Marie', 'Mathilde', 'Mette Hansen', 'Metha', 'Merete', 'Bette', 'Mette eller Lone'],
  },
  {
    fact: { acceptedNames: ['Kristoffer', 'Jørgen'] },
    accepted: ['Kristoffer', 'Christoffer', 'Christopher', 'Kristofer', 'Jørgen', 'Jorgen', 'Joergen', 'Kristoffer Jørgen'],
    rejected: ['Kristian', 'Jørn', 'Jens', 'Jesper', 'Kristine', 'Jørgensen', 'Kristoffersen'],
  },
  {
    fact: { acceptedNames: ['Sofie', 'Åse'] },
    accepted: ['Sofie', 'Sophie', 'Åse', 'Aase', 'Ase', 'Sofie Åse', 'sophie aase'],
    rejected: ['Sofia', 'Asta', 'Åsa', 'Josefine', 'Sonja', 'Asger'],
  },
  {
    fact: { acceptedNames: ['Bech'] },
    accepted: ['Bech', 'Beck', 'Bek', 'BECH'],
    rejected: ['Bach', 'Berg', 'Bechmann', 'Bæk', 'Bech-Olsen'],
  },
  {
    fact: { acceptedNames: ['Carl', 'Emil'] },
    accepted: ['Carl', 'Karl', 'Emil', 'Carl Emil', 'Karl-Emil', 'emil'],
    rejected: ['Carla', 'Karlo', 'Emilie', 'Emily', 'Carsten', 'Emil Carlsen'],
  },
  {
    fact: { acceptedNames: ['Thomas'] },
    accepted: ['Thomas', 'Tomas', 'thomas', 'THOMAS'],
    rejected: ['Thomsen', 'Tobias', 'Tom', 'Tommy', 'Torben'],
  },
  {
    fact: { acceptedNames: ['Mikael'] },
    accepted: ['Mikael', 'Michael', 'Mickael', 'MICHAEL'],
    rejected: ['Mikkel', 'Michelle', 'Mika', 'Michala', 'Mikaela'],
  },
  {
    fact: { acceptedNames: ['Nikolaj', 'Peter'] },
    accepted: ['Nikolaj', 'Nicolai', 'Nikolai', 'Peter', 'Nikolaj Peter', 'Nicolaj'],
    rejected: ['Niklas', 'Nikoline', 'Petra', 'Per', 'Peder', 'Petersen'],
  },
];

// How an agent records what was said around the name.
const acceptForms = [(n: string) => n, (n: string) => `han hedder ${n}`, (n: string) => `${n}.`];
const rejectForms = [(n: string) => n, (n: string) => `hun hedder ${n}`];

const rows: Row<NameFact>[] = cases.flatMap((c) => [
  ...c.accepted.flatMap((a) => acceptForms.map((f) => ({ answer: f(a), fact: c.fact, outcome: 'accept' as Outcome }))),
  ...c.rejected.flatMap((r) => rejectForms.map((f) => ({ answer: f(r), fact: c.fact, outcome: 'reject' as Outcome }))),
]);

describe('scoreName: realistic answers', () => {
  it('has a table of at least 200 answers', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  it.each(rows)('$answer (register: $fact.acceptedNames) → $outcome', ({ answer, fact, outcome }) => {
    const score = scoreName(answer, fact);
    expectOutcome(score, outcome, answer);
    // Names are right or wrong: no partial credit.
    expect([0, 1]).toContain(score);
  });
});

describe('scoreName: rules', () => {
  it('does not let a list of guesses through', () => {
    expect(scoreName('Anne Peter Lars', { acceptedNames: ['Anne'] })).toBe(0);
    expect(scoreName('Anne og Peter', { acceptedNames: ['Anne'] })).toBe(0);
  });

  it('needs a hyphenated name in full', () => {
    expect(scoreName('Anne', { acceptedNames: ['Anne-Marie'] })).toBe(0);
    expect(scoreName('Anne Marie', { acceptedNames: ['Anne-Marie'] })).toBe(1);
  });

  it('keeps short names that differ by a doubled letter apart', () => {
    expect(scoreName('Ane', { acceptedNames: ['Anne'] })).toBe(0);
    expect(scoreName('Anne', { acceptedNames: ['Ane'] })).toBe(0);
  });

  it('accepts a name that is also a filler word', () => {
    expect(scoreName('han hedder Hans', { acceptedNames: ['Hans', 'Peter'] })).toBe(1);
    expect(scoreName('Hans', { acceptedNames: ['Peter'] })).toBe(0);
  });

  it('scores 0 for an empty answer or no accepted names', () => {
    expect(scoreName('', { acceptedNames: ['Anne'] })).toBe(0);
    expect(scoreName('hedder', { acceptedNames: ['Anne'] })).toBe(0);
    expect(scoreName('Anne', { acceptedNames: [] })).toBe(0);
  });
});

describe('scoreName: common Danish names stay apart', () => {
  // Siblings have different names. The only pairs that may match are those a listener cannot hear
  // apart, listed here by hand (see README "How answers are scored").
  const names = (
    'Anne Kirsten Mette Hanne Helle Anna Susanne Lene Maria Marianne Lone Camilla Pia Louise Charlotte Tina Gitte Bente Ida Emma ' +
    'Inge Karen Julie Sofie Ane Ann Anja Laura Maja Line Peter Michael Jens Lars Thomas Henrik Søren Christian Martin Jan Morten ' +
    'Jesper Anders Niels Mads Rasmus Per Hans Jørgen Ole Kim Frederik Lasse Mikkel Kristian Emil Oliver William Noah Lucas Carl ' +
    'Karl Mathias Magnus Jonas Nikolaj Kaj Kai Ellen Elin Else Elsa Eva Eve Mia Malene Marlene Karin Karina Carina Katrine ' +
    'Kathrine Cathrine Trine Tine Stine Stina Sanne Sara Sarah Johan Johannes Jon Jonna Bo Bodil Erik Eric Erika Ulla Ulrik Poul ' +
    'Paul Tove Tue Birgit Birgitte Brian Bjarne Bjørn Finn Flemming Preben Torben Thorben Steen Sten Stefan Stephan Steffen ' +
    'Allan Alan Claus Klaus Jacob Jakob Dennis Denis Mathilde Matilde Viktor Victor Asger Aske Esben Ebbe Knud Kurt Lis Lise ' +
    'Liselotte Lisa Vibeke Vibe Benny Bent Ib Ivan Ivar Ove Otto'
  ).split(' ');
  const sameSound = new Set(
    [
      'Christian=Kristian', 'Carl=Karl', 'Kai=Kaj', 'Carina=Karina', 'Kathrine=Katrine', 'Cathrine=Katrine', 'Cathrine=Kathrine',
      'Eric=Erik', 'Thorben=Torben', 'Steen=Sten', 'Stefan=Stephan', 'Alan=Allan', 'Claus=Klaus', 'Jacob=Jakob', 'Denis=Dennis',
      'Mathilde=Matilde', 'Victor=Viktor', 'Sara=Sarah',
    ].map((pair) => pair.split('=').sort().join('=')),
  );

  it('matches two different names only when they sound the same', () => {
    const wrong: string[] = [];
    for (const said of names) {
      for (const registered of names) {
        if (said === registered) continue;
        const expected = sameSound.has([said, registered].sort().join('=')) ? 1 : 0;
        if (scoreName(said, { acceptedNames: [registered] }) !== expected) wrong.push(`${said} for ${registered}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
