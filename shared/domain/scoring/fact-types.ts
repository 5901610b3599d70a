// The register facts an answer is scored against. Plain types (no zod): the verification engine
// builds them from the register on the server; they never leave the server.

/** A Danish address as the DAR model holds it. */
export interface AddressFact {
  readonly street: string;
  /** House number with optional letter: "12", "12B". */
  readonly houseNumber: string;
  /** "st", "kl" or "1".."99"; null/absent for a house without floors. */
  readonly floor?: string | null;
  /** "th", "tv", "mf" or a door number; null/absent when there is none. */
  readonly door?: string | null;
  /** Four digits, e.g. "8000". */
  readonly postcode: string;
  /** Postal town (postnrnavn), e.g. "Aarhus C". */
  readonly town: string;
}

export type DatePrecision = 'year' | 'month' | 'day';

/** A date from the register; month (1-12) and day (1-31) present when the question asks for them. */
export interface DateFact {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** Any one of the person's first names (or the accepted surnames for a "former surname" question). */
export interface NameFact {
  readonly acceptedNames: readonly string[];
  /**
   * The relative's middle and last names: a caller may say them after the first name ("Mads Holm"),
   * never instead of it. Absent for a question that asks for a surname.
   */
  readonly surnames?: readonly string[];
}

/** The municipality names valid for the period asked about (old and new). */
export interface MunicipalityFact {
  readonly acceptedNames: readonly string[];
}

/** Parish/town or country of birth, with its aliases ("Tyskland", "Germany"). */
export interface PlaceFact {
  readonly acceptedNames: readonly string[];
}
