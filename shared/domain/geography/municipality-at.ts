import { municipalityByCode, reformDate, renamedMunicipalities } from './municipalities';
import { oldMunicipalityByName } from './old-municipalities';
import { postcodeByCode } from './postcodes';

export interface MunicipalityAt {
  /** Code of today's municipality. */
  code: string;
  /** The name the municipality bore on that date: the old one before the reform. */
  name: string;
  /**
   * Every name a caller may fairly give for that address at that date: the name of the day, the
   * municipality's other name across the reform (people name either), and their spelling variants.
   */
  acceptedNames: readonly string[];
}

/** The municipality of a postcode on a date (yyyy-mm-dd). Undefined for an unknown postcode. */
export function municipalityAt(postcode: string, date: string): MunicipalityAt | undefined {
  const place = postcodeByCode(postcode);
  if (!place) return undefined;
  const current = municipalityByCode(place.municipalityCode);
  if (!current) return undefined;
  const old = oldMunicipalityByName(place.oldMunicipality);
  const beforeReform = date < reformDate[place.country];
  const earlierNames = renamedMunicipalities[current.code] ?? [];
  const nameOfTheDay = beforeReform
    ? place.oldMunicipality
    : (earlierNames.find((n) => date < n.until)?.name ?? current.name);
  const names = [
    nameOfTheDay,
    place.oldMunicipality,
    ...(old?.aliases ?? []),
    current.name,
    ...current.aliases,
  ];
  return { code: current.code, name: nameOfTheDay, acceptedNames: [...new Set(names)] };
}
