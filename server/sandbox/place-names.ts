// Names the generator gives places, shared with the sandbox's code tables (code-tables.ts) so every
// street and birth parish it hands out has its code.
import { streetNames } from '../../shared/domain/geography';

/** Streets per post district: enough variety, and few enough that a city's roads fit in 4-digit codes. */
const streetsPerPostcode = 24;
const streetCache = new Map<string, readonly string[]>();

/** The streets of one post district: a fixed window of the street list, placed by the postcode. */
export function streetsOf(postcode: string): readonly string[] {
  let streets = streetCache.get(postcode);
  if (!streets) {
    const start = (Number(postcode) * 7919) % streetNames.length;
    streets = Array.from({ length: streetsPerPostcode }, (_, i) => streetNames[(start + i) % streetNames.length] as string);
    streetCache.set(postcode, streets);
  }
  return streets;
}

/** The parish named after a post town (Farsø Sogn, Rødding Sogn), as most parishes outside the cities are. */
export function townParishName(town: string): string {
  return `${town.replace(/ (C|K|V|N|S|Ø|NV|SV|SØ|NØ|M|J|Sj|F|Øst|Sjælland|Thy|Stevns)$/, '')} Sogn`;
}

