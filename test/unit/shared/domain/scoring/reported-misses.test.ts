// Honest answers that once scored 0 or half (issue 13: simulated callers typing the way Danes speak).
// Each case is what a caller said for a register fact the engine passes to the scorer.
import { describe, expect, it } from 'vitest';
import { countryAliases } from '../../../../../shared/domain/geography/index';
import { scoreAddress, scoreName, scorePlace } from '../../../../../shared/domain/scoring/index';
import { birthplaceAcceptedNames } from '../../../../../shared/domain/geography/index';

describe('scorer misses reported from simulated calls', () => {
  it('takes "Sdr." for Søndre as well as for Sønder', () => {
    const fact = { street: 'Søndre Boulevard', houseNumber: '14', floor: '2', door: 'th', postcode: '5000', town: 'Odense C' };
    expect(scoreAddress('Sdr. Boulevard 14, 2. th', fact)).toBe(1);
    expect(scoreAddress('sdr boulevard 14 2 th 5000 odense c', fact)).toBe(1);
    // Still strict about the rest: Nordre is another street.
    expect(scoreAddress('Ndr. Boulevard 14, 2. th', fact)).toBe(0);
    expect(scoreAddress('Sdr. Allé 14, 2. th', fact)).toBe(0);
    const sonder = { street: 'Sønder Allé', houseNumber: '22', floor: '4', door: 'th', postcode: '8000', town: 'Aarhus C' };
    expect(scoreAddress('Sdr. Allé 22, 4. th', sonder)).toBe(1);
  });

  it('takes the house number first and a town without postcode', () => {
    const fact = { street: 'Hunderupvej', houseNumber: '15C', floor: null, door: null, postcode: '7900', town: 'Nykøbing M' };
    expect(scoreAddress('15c hunderupvej nykøbing m', fact)).toBe(1);
    expect(scoreAddress('15c hunderupvej nykøbing', fact)).toBe(1);
    expect(scoreAddress('15c hunderupvej nykøbing f', fact)).toBe(0.5);
    expect(scoreAddress('15c hunderupvej aalborg', fact)).toBe(0.5);
    expect(scoreAddress('15 hunderupvej nykøbing m', fact)).toBe(0);
  });

  it('takes "Randers SO" typed without ø and "Viby" for Viby J', () => {
    const randers = { street: 'Østervangsvej', houseNumber: '3', floor: null, door: null, postcode: '8930', town: 'Randers NØ' };
    expect(scoreAddress('Østervangsvej 3, 8930 Randers NO', randers)).toBe(1);
    expect(scoreAddress('Østervangsvej 3, Randers NOE', randers)).toBe(1);
    expect(scoreAddress('Østervangsvej 3, Randers SV', randers)).toBe(0.5);
    const so = { street: 'Tronholmen', houseNumber: '8', floor: null, door: null, postcode: '8960', town: 'Randers SØ' };
    expect(scoreAddress('Tronholmen 8, 8960 Randers SO', so)).toBe(1);
    const viby = { street: 'Skanderborgvej', houseNumber: '120', floor: '1', door: 'tv', postcode: '8260', town: 'Viby J' };
    expect(scoreAddress('Skanderborgvej 120, 1. tv, Viby', viby)).toBe(1);
    expect(scoreAddress('Skanderborgvej 120, 1. tv, 8260 Viby', viby)).toBe(1);
    expect(scoreAddress('Skanderborgvej 120, 1. tv, Viby J', viby)).toBe(1);
  });

  it('takes a town parish by its municipality, and a cathedral parish by its town', () => {
    expect(scorePlace('Ballerup', { acceptedNames: birthplaceAcceptedNames('Måløv Sogn') })).toBe(1);
    expect(scorePlace('Måløv', { acceptedNames: birthplaceAcceptedNames('Måløv Sogn') })).toBe(1);
    expect(scorePlace('Vejen', { acceptedNames: birthplaceAcceptedNames('Brørup Sogn') })).toBe(1);
    expect(scorePlace('Vejen Kommune', { acceptedNames: birthplaceAcceptedNames('Brørup Sogn') })).toBe(1);
    expect(scorePlace('Ribe', { acceptedNames: birthplaceAcceptedNames('Ribe Domsogn') })).toBe(1);
    expect(scorePlace('Ribe Domkirke', { acceptedNames: birthplaceAcceptedNames('Ribe Domsogn') })).toBe(0);
    expect(scorePlace('Maribo', { acceptedNames: birthplaceAcceptedNames('Maribo Domsogn') })).toBe(1);
    expect(scorePlace('Lolland', { acceptedNames: birthplaceAcceptedNames('Maribo Domsogn') })).toBe(1);
    // Other places stay wrong.
    expect(scorePlace('Herlev', { acceptedNames: birthplaceAcceptedNames('Måløv Sogn') })).toBe(0);
    expect(scorePlace('Esbjerg', { acceptedNames: birthplaceAcceptedNames('Maribo Domsogn') })).toBe(0);
  });

  it('takes the Danish everyday names of countries', () => {
    expect(scorePlace('Holland', { acceptedNames: countryAliases('Nederlandene') })).toBe(1);
    expect(scorePlace('Nederlandene', { acceptedNames: countryAliases('Nederlandene') })).toBe(1);
    expect(scorePlace('Bosnien', { acceptedNames: countryAliases('Bosnien-Hercegovina') })).toBe(1);
    expect(scorePlace('England', { acceptedNames: countryAliases('Storbritannien') })).toBe(1);
    expect(scorePlace('Tyskland', { acceptedNames: countryAliases('Nederlandene') })).toBe(0);
  });

  it('takes a first name followed by the relative\'s surname, and "min mor hedder X"', () => {
    const child = { acceptedNames: ['Mads'], surnames: ['Holm'] };
    expect(scoreName('Mads Holm', child)).toBe(1);
    expect(scoreName('han hedder Mads Holm', child)).toBe(1);
    expect(scoreName('Mads Jensen', child)).toBe(0);
    expect(scoreName('Holm', child)).toBe(0);
    expect(scoreName('Holm Mads', child)).toBe(0);
    const mother = { acceptedNames: ['Inge'], surnames: ['Jensen'] };
    expect(scoreName('min mor hedder Inge', mother)).toBe(1);
    expect(scoreName('min mor hed Inge Jensen', mother)).toBe(1);
    expect(scoreName('min far hedder Poul', mother)).toBe(0);
    expect(scoreName('min søn hedder Mads', child)).toBe(1);
    expect(scoreName('min datter hedder Mads', child)).toBe(1);
  });
});

describe('scorer misses found by the caller simulator', () => {
  it('takes a town whose name holds a word the parser reads as filler (Alluitsup Paa)', () => {
    const fact = { street: 'Klostergade', houseNumber: '26', floor: '3', door: 'mf', postcode: '3919', town: 'Alluitsup Paa' };
    expect(scoreAddress('Klostergade 26, 3. mf, Alluitsup Paa', fact)).toBe(1);
    expect(scoreAddress('Klostergade 26, 3. mf, 3919 Alluitsup Paa', fact)).toBe(1);
    expect(scoreAddress('Klostergade 26, 3. mf, Nuuk', fact)).toBe(0.5);
  });
});
