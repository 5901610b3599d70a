// The names a caller may fairly give for a place of birth: people name the town or the municipality,
// seldom the parish, and a country by its everyday name ("Holland", not "Nederlandene").
import { countries } from './countries';
import { municipalityByCode } from './municipalities';
import { oldMunicipalityByName } from './old-municipalities';
import { parishes } from './parishes';
import { postcodes } from './postcodes';

// Everyday and English names of the countries in countries.ts, by ISO code.
const everydayCountryNames: Readonly<Record<string, readonly string[]>> = {
  NL: ['Holland', 'Netherlands', 'the Netherlands'],
  BA: ['Bosnien', 'Bosnia', 'Bosnia and Herzegovina', 'Bosnien og Hercegovina'],
  GB: ['England', 'UK', 'United Kingdom', 'Great Britain', 'Skotland', 'Wales'],
  US: ['Amerika', 'USA', 'United States', 'De Forenede Stater', 'Forenede Stater'],
  DE: ['Germany'],
  SE: ['Sweden'],
  NO: ['Norway'],
  PL: ['Poland'],
  GL: ['Greenland', 'Kalaallit Nunaat'],
  FO: ['Faroe Islands'],
  IS: ['Iceland'],
  FR: ['France'],
  ES: ['Spain'],
  IT: ['Italy'],
  AU: ['Australia'],
  TR: ['Turkey'],
  IQ: ['Iraq'],
  SY: ['Syria'],
  LB: ['Lebanon'],
  VN: ['Viet Nam'],
  RO: ['Romania'],
  CH: ['Switzerland'],
  BE: ['Belgium'],
  UA: ['Ukraina'],
};

/** A country's register name with its everyday and English names; just the name when unknown. */
export function countryAliases(registerName: string): string[] {
  const country = countries.find((c) => c.name === registerName);
  return [registerName, ...(country ? (everydayCountryNames[country.code] ?? []) : [])];
}

const parishMunicipality = new Map(parishes.map((p) => [p.name, p.municipalityCode]));
const townMunicipality = new Map<string, string>();
for (const p of postcodes) if (!townMunicipality.has(p.town)) townMunicipality.set(p.town, p.municipalityCode);

// "Ribe Domsogn" → Ribe, "Odense Sankt Knuds Sogn" → Odense, "Måløv Sogn" → Måløv.
const PARISH_TAIL = / (?:Domsogn|(?:Sankt|Vor|Skt\.?) .*Sogn|Trinitatis Sogn|Sogn)$/;

/** The town a parish is named after, when it is a postal town or an old municipality ("Ribe", "Måløv"). */
function parishTown(parish: string): string | null {
  const town = parish.replace(PARISH_TAIL, '');
  if (town === parish || town === '') return null;
  return townMunicipality.has(town) || oldMunicipalityByName(town) ? town : null;
}

/** Code of today's municipality the parish lies in, from the parish table or the town it is named after. */
export function parishMunicipalityCode(parish: string): string | undefined {
  const known = parishMunicipality.get(parish);
  if (known) return known;
  const town = parishTown(parish);
  if (!town) return undefined;
  return townMunicipality.get(town) ?? oldMunicipalityByName(town)?.successorCode;
}

/**
 * Every accepted answer for a parish of birth: the parish, the town it is named after, that town's old
 * municipality, and today's municipality with its aliases (Måløv Sogn: Måløv, Ballerup; Maribo Domsogn:
 * Maribo, Lolland).
 */
export function birthplaceAcceptedNames(parish: string): string[] {
  const town = parishTown(parish);
  const code = parishMunicipalityCode(parish);
  const municipality = code ? municipalityByCode(code) : undefined;
  const old = town ? oldMunicipalityByName(town) : undefined;
  const names = [parish, ...(town ? [town] : []), ...(old ? [old.name, ...old.aliases] : []), ...(municipality ? [municipality.name, ...municipality.aliases] : [])];
  return [...new Set(names)];
}
