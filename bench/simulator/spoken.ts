// How a caller says an answer on the phone, as the agent types it: seeded variation in form, never in
// content. Honest callers say the register's fact; near-miss callers make the slips people make.
import { countries } from '../../shared/domain/geography/index';
import type { Rng } from '../../server/sandbox/prng';
import type { ExpectedAnswer } from '../../server/services/verification/expected-answer';

const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const floorWords: Readonly<Record<string, string>> = { st: 'stuen', '1': 'første sal', '2': 'anden sal', '3': 'tredje sal' };
const doorWords: Readonly<Record<string, string>> = { th: 'til højre', tv: 'til venstre', mf: 'midtfor' };

function noDanishLetters(s: string): string {
  return s.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/Æ/g, 'Ae').replace(/Ø/g, 'Oe').replace(/Å/g, 'Aa');
}

/** The register's answer, said naturally. */
export function sayCorrectly(e: ExpectedAnswer, rng: Rng): string {
  const text = say(e, rng);
  return rng.chance(0.1) ? noDanishLetters(text) : text;
}

function say(e: ExpectedAnswer, rng: Rng): string {
  switch (e.format) {
    case 'address': {
      const f = e.fact;
      // Only a long name is shortened ("Nørreg.", never "Alg." for Algade).
      const street = rng.chance(0.15) && f.street.length >= 8 ? f.street.replace(/gade$/, 'g.').replace(/vej$/, 'v.').replace(/^Sønder /, 'Sdr. ').replace(/^Sankt /, 'Skt. ') : f.street;
      const house = f.houseNumber.toLowerCase();
      const floorDoor = f.floor
        ? rng.chance(0.3)
          ? `${floorWords[f.floor] ?? `${f.floor}.`} ${f.door ? (doorWords[f.door] ?? f.door) : ''}`
          : `${f.floor === 'st' ? 'st.' : `${f.floor}.`} ${f.door ?? ''}`
        : '';
      const postal = rng.weighted<string>([
        [`${f.postcode} ${f.town}`, 5],
        [f.town, 3],
        [f.postcode, 1],
        ['', 2],
      ]);
      const head = rng.chance(0.15) ? `${house} ${street}` : `${street} ${house}`;
      return [head, floorDoor.trim(), postal].filter(Boolean).join(', ');
    }
    case 'date': {
      const { year, month } = e.fact;
      if (e.precision === 'year') return rng.weighted<string>([[String(year), 6], [`i ${year}`, 3], [`'${String(year).slice(2)}`, 1]]);
      const name = months[(month ?? 1) - 1] ?? '';
      return rng.weighted<string>([
        [`${name} ${year}`, 6],
        [`i ${name} ${year}`, 2],
        [`${month}/${year}`, 1],
        [`${name} ${String(year).slice(2)}`, 1],
      ]);
    }
    case 'name': {
      const name = rng.pick(e.acceptedNames);
      const surname = e.surnames && e.surnames.length > 0 && rng.chance(0.15) ? ` ${e.surnames.join(' ')}` : '';
      return rng.weighted<string>([
        [`${name}${surname}`, 6],
        [`han hedder ${name}${surname}`, 1],
        [`hun hedder ${name}${surname}`, 1],
      ]);
    }
    case 'municipality':
    case 'place': {
      const name = rng.pick(e.acceptedNames);
      return e.format === 'municipality' && rng.chance(0.3) ? `${name} Kommune` : name;
    }
  }
}

/** A slip an honest caller makes: a door mixed up, a month off by one, a typo in a long name. */
export function sayNearly(e: ExpectedAnswer, rng: Rng): string {
  switch (e.format) {
    case 'address': {
      const f = e.fact;
      const door = f.door === 'th' ? 'tv' : f.door === 'tv' ? 'th' : f.door;
      return [`${f.street} ${f.houseNumber}`, f.floor ? `${f.floor}. ${door ?? ''}`.trim() : '', f.town].filter(Boolean).join(', ');
    }
    case 'date':
      if (e.precision === 'year') return String(e.fact.year);
      return `${months[((e.fact.month ?? 1) % 12)] ?? ''} ${e.fact.year}`;
    case 'name':
    case 'municipality':
    case 'place': {
      const name = rng.pick(e.acceptedNames);
      if (name.length < 7) return name;
      const i = rng.int(1, name.length - 2);
      return name.slice(0, i) + (name[i + 1] ?? '') + (name[i] ?? '') + name.slice(i + 2);
    }
  }
}

const guessNames = ['Anne', 'Mette', 'Hanne', 'Susanne', 'Jens', 'Peter', 'Lars', 'Michael', 'Søren', 'Kirsten', 'Inge', 'Poul'];
const guessMonths = months;

/** What an impostor says without knowing: a plausible guess of the right kind (the current town, a common name). */
export function guess(e: ExpectedAnswer, rng: Rng, publicFacts: { town: string; municipality: string; birthYear: number }): string {
  switch (e.format) {
    case 'address':
      return `Nørregade ${rng.int(1, 60)}, ${publicFacts.town}`;
    case 'date': {
      const year = rng.int(Math.max(publicFacts.birthYear + 15, 1950), 2025);
      return e.precision === 'year' ? String(year) : `${rng.pick(guessMonths)} ${year}`;
    }
    case 'name':
      return rng.pick(guessNames);
    case 'municipality':
      return rng.chance(0.5) ? publicFacts.municipality : rng.pick(['København', 'Aarhus', 'Odense', 'Aalborg']);
    case 'place':
      return rng.chance(0.5) ? publicFacts.town : rng.pick(countries).name;
  }
}
