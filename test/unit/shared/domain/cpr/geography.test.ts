// Geography lives beside CPR in this engineer's test folder: both are the register's reference data.
import { describe, expect, it } from 'vitest';
import {
  danishMunicipalities,
  danishPostcodes,
  greenlandicPostcodes,
  municipalities,
  municipalityAt,
  municipalityByCode,
  oldMunicipalities,
  oldMunicipalityByName,
  parishes,
  postcodeByCode,
  streetNames,
} from '../../../../../shared/domain/geography';

describe('geography data', () => {
  it('has the 98 Danish municipalities with distinct four-digit codes', () => {
    expect(danishMunicipalities).toHaveLength(98);
    expect(new Set(danishMunicipalities.map((m) => m.code)).size).toBe(98);
    expect(new Set(danishMunicipalities.map((m) => m.name)).size).toBe(98);
    for (const m of municipalities) expect(m.code).toMatch(/^\d{4}$/);
    expect(municipalityByCode('0751')?.name).toBe('Aarhus');
    expect(municipalityByCode('0230')?.name).toBe('Rudersdal');
  });

  it('maps every old municipality to an existing successor', () => {
    expect(oldMunicipalities.length).toBeGreaterThanOrEqual(60);
    for (const old of oldMunicipalities) expect(municipalityByCode(old.successorCode), old.name).toBeDefined();
    expect(oldMunicipalityByName('Århus')?.successorCode).toBe('0751');
    expect(oldMunicipalityByName('Søllerød')?.successorCode).toBe('0230');
    expect(oldMunicipalityByName('Gentofte')?.successorCode).toBe('0157');
  });

  it('ties every postcode to its municipality and to an old municipality that became part of it', () => {
    expect(danishPostcodes.length).toBeGreaterThanOrEqual(300);
    expect(greenlandicPostcodes.length).toBeGreaterThan(10);
    const codes = [...danishPostcodes, ...greenlandicPostcodes].map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of [...danishPostcodes, ...greenlandicPostcodes]) {
      expect(p.code, p.town).toMatch(/^\d{4}$/);
      const current = municipalityByCode(p.municipalityCode);
      expect(current?.country, `${p.code} ${p.town}`).toBe(p.country);
      expect(oldMunicipalityByName(p.oldMunicipality)?.successorCode, `${p.code} ${p.oldMunicipality}`).toBe(p.municipalityCode);
    }
    expect(postcodeByCode('1620')?.town).toBe('København V');
    expect(postcodeByCode('8000')?.town).toBe('Aarhus C');
    expect(postcodeByCode('2100')?.town).toBe('København Ø');
    expect(postcodeByCode('3900')).toMatchObject({ town: 'Nuuk', municipalityCode: '0956', country: 'GL' });
  });

  it('has several hundred distinct street names and parishes in known municipalities', () => {
    expect(streetNames.length).toBeGreaterThanOrEqual(300);
    expect(new Set(streetNames).size).toBe(streetNames.length);
    for (const s of ['Nørregade', 'Åboulevard', 'Søndre Fasanvej', 'H.C. Andersens Boulevard', 'Allégade', 'Skovvej']) {
      expect(streetNames).toContain(s);
    }
    for (const p of parishes) expect(municipalityByCode(p.municipalityCode), p.name).toBeDefined();
  });
});

describe('municipalityAt', () => {
  it('names the old municipality before 1 January 2007 and the new one from that day', () => {
    expect(municipalityAt('2840', '2006-12-31')).toMatchObject({ code: '0230', name: 'Søllerød' });
    expect(municipalityAt('2840', '2007-01-01')).toMatchObject({ code: '0230', name: 'Rudersdal' });
    expect(municipalityAt('2820', '1995-05-01')?.name).toBe('Gentofte');
    expect(municipalityAt('2820', '2015-05-01')?.name).toBe('Gentofte');
  });

  it('follows Århus becoming Aarhus in 2011 and accepts both spellings', () => {
    expect(municipalityAt('8000', '2000-01-01')?.name).toBe('Århus');
    expect(municipalityAt('8000', '2009-06-01')?.name).toBe('Århus');
    expect(municipalityAt('8000', '2011-01-01')?.name).toBe('Aarhus');
    for (const date of ['2000-01-01', '2020-01-01']) {
      expect(municipalityAt('8000', date)?.acceptedNames).toEqual(expect.arrayContaining(['Århus', 'Aarhus']));
    }
  });

  it('accepts both the old and the new name of the place, and nothing from elsewhere', () => {
    const holte = municipalityAt('2840', '2003-03-01');
    expect(holte?.acceptedNames).toEqual(expect.arrayContaining(['Søllerød', 'Rudersdal']));
    expect(holte?.acceptedNames).not.toContain('Gentofte');
  });

  it('uses the 2009 reform for Greenland', () => {
    expect(municipalityAt('3900', '2008-12-31')?.name).toBe('Nuuk');
    expect(municipalityAt('3900', '2009-01-01')?.name).toBe('Kommuneqarfik Sermersooq');
    expect(municipalityAt('3952', '2012-01-01')?.name).toBe('Qaasuitsup Kommunia');
    expect(municipalityAt('3952', '2019-01-01')?.name).toBe('Avannaata Kommunia');
  });

  it('answers undefined for an unknown postcode', () => {
    expect(municipalityAt('0000', '2020-01-01')).toBeUndefined();
  });
});
