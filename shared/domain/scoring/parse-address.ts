// Splits a typed address (already normalised tokens) into its parts, in the orders people say them:
// "nørregade 12 1 tv 8000 aarhus c", "12 nørregade", "nørreg 12b st th", "nørregade 12, første sal til venstre".

export interface ParsedAddress {
  street: string[];
  houseNumber: string | null;
  letter: string | null;
  floor: string | null;
  door: string | null;
  postcode: string | null;
  town: string[];
  /** Words that fit nowhere (another street, a second guess): they count against the answer. */
  extra: string[];
}

const GLUED_NUMBER_WORD = /^(\d+)([a-z]+)$/;
const GLUED_WORD_NUMBER = /^([a-z]+)(\d+)$/;
const GLUED_FLOOR_DOOR = /^(st|kl)(th|tv|mf)$/;
const DIGITS = /^\d+$/;
const HOUSE_NUMBER = /^\d{1,3}$/;
const POSTCODE = /^\d{4}$/;
const LETTER = /^[a-z]$/;
const WORD = /^[a-z]{2,}/;

const FLOOR_WORDS: ReadonlyMap<string, string> = new Map([
  ['st', 'st'], ['stuen', 'st'], ['stue', 'st'], ['parterre', 'st'], ['stueetagen', 'st'],
  ['kl', 'kl'], ['kaelder', 'kl'], ['kaelderen', 'kl'], ['kaelderetagen', 'kl'],
  ['foerste', '1'], ['anden', '2'], ['tredje', '3'], ['fjerde', '4'], ['femte', '5'],
  ['sjette', '6'], ['syvende', '7'], ['ottende', '8'], ['niende', '9'], ['tiende', '10'],
]);
const DOOR_WORDS: ReadonlyMap<string, string> = new Map([
  ['th', 'th'], ['hoejre', 'th'], ['tv', 'tv'], ['venstre', 'tv'], ['mf', 'mf'], ['midt', 'mf'], ['midtfor', 'mf'],
]);
// Words that carry no information in the floor/door part ("1. sal til venstre", "dør 4").
const FLOOR_DOOR_FILLER = new Set(['sal', 'etage', 'til', 'for', 'paa', 'lejlighed', 'lejl', 'og', 'den', 'i']);
const DOOR_MARKERS = new Set(['doer', 'nr', 'nummer', 'lejlighed', 'lejl']);
// Words a caller or agent may put before the address or after it.
const LEAD_FILLER = new Set(['jeg', 'vi', 'han', 'hun', 'boede', 'bor', 'har', 'boet', 'paa', 'i', 'det', 'var', 'adressen', 'er', 'adresse']);
const TRAILING_STREET_FILLER = new Set(['nr', 'nummer', 'no']);
const SPELLED_DOORS = new Set(['th', 'tv', 'mf']);
const COUNTRY = new Set(['danmark', 'dk', 'denmark']);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function splitGlued(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    // Only a word that mixes digits and letters, or a four-letter floor+door, can be glued.
    if (isDigit(t.charCodeAt(0)) === isDigit(t.charCodeAt(t.length - 1)) && t.length !== 4) {
      out.push(t);
      continue;
    }
    const fd = GLUED_FLOOR_DOOR.exec(t);
    const nw = fd ? null : GLUED_NUMBER_WORD.exec(t);
    const wn = fd || nw ? null : GLUED_WORD_NUMBER.exec(t);
    const m = fd ?? nw ?? wn;
    if (m && m[1] && m[2]) out.push(m[1], m[2]);
    else out.push(t);
  }
  return out;
}

function isStopWord(t: string): boolean {
  return DIGITS.test(t) || FLOOR_WORDS.has(t) || DOOR_WORDS.has(t) || t === 'sal' || t === 'etage';
}

/** Never throws; missing parts are null or empty. */
export function parseAddress(normalisedTokens: readonly string[]): ParsedAddress {
  const tokens = splitGlued(normalisedTokens).filter((t) => !COUNTRY.has(t));
  const result: ParsedAddress = { street: [], houseNumber: null, letter: null, floor: null, door: null, postcode: null, town: [], extra: [] };

  // Postcode and the town words that follow it.
  const rest: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    // Four digits are the postcode, unless they follow "dør" (a door number in a large block).
    if (result.postcode === null && POSTCODE.test(t) && tokens[i - 1] !== 'doer') {
      result.postcode = t;
      while (i + 1 < tokens.length && !DIGITS.test(tokens[i + 1] ?? '0')) result.town.push(tokens[++i] ?? '');
    } else {
      rest.push(t);
    }
  }

  let k = 0;
  while (k < rest.length && LEAD_FILLER.has(rest[k] ?? '')) k++;
  const numberAt = rest.findIndex((t, i) => i >= k && HOUSE_NUMBER.test(t));
  if (numberAt < 0) {
    result.street = rest.slice(k);
    return result;
  }
  result.houseNumber = String(Number(rest[numberAt]));
  let j = numberAt + 1;
  const spelledDoor = (rest[j] ?? '') + (rest[j + 1] ?? '');
  // "i" before a word is the preposition ("12, i kælderen"), not house letter I.
  const preposition = rest[j] === 'i' && WORD.test(rest[j + 1] ?? '');
  // "12 H.C. Andersens Boulevard": two initials then a word open the street, not a house letter.
  const initials = numberAt === k && LETTER.test(rest[j + 1] ?? '') && WORD.test(rest[j + 2] ?? '');
  if (LETTER.test(rest[j] ?? '') && !SPELLED_DOORS.has(spelledDoor) && !preposition && !initials) result.letter = rest[j++] ?? null;
  if (numberAt > k) {
    const street = rest.slice(k, numberAt);
    while (street.length > 1 && TRAILING_STREET_FILLER.has(street[street.length - 1] ?? '')) street.pop();
    result.street = street;
  } else {
    // Number first ("12 Nørregade"): the street runs until the floor/door part begins.
    const start = j;
    while (j < rest.length && (j === start || !isStopWord(rest[j] ?? ''))) {
      if (DIGITS.test(rest[j] ?? '')) break;
      j++;
    }
    result.street = rest.slice(start, j);
  }

  const leftover: string[] = [];
  let previous = '';
  for (; j < rest.length; j++) {
    let t = rest[j] ?? '';
    // "t.h.", "t.v.", "m.f." arrive as two letters.
    const spelled = t + (rest[j + 1] ?? '');
    if (t.length === 1 && SPELLED_DOORS.has(spelled)) {
      t = spelled;
      j++;
    }
    const floorWord = FLOOR_WORDS.get(t);
    const doorWord = DOOR_WORDS.get(t);
    if (floorWord !== undefined && result.floor === null) {
      result.floor = floorWord;
    } else if (doorWord !== undefined && result.door === null) {
      result.door = doorWord;
    } else if (DIGITS.test(t) && t.length <= 4) {
      const n = String(Number(t));
      if (result.floor === null && !DOOR_MARKERS.has(previous)) result.floor = n;
      else if (result.door === null) result.door = n;
      else leftover.push(t);
    } else if (FLOOR_DOOR_FILLER.has(t) || DOOR_MARKERS.has(t)) {
      // no information
    } else {
      leftover.push(t);
    }
    previous = t;
  }
  // Trailing words are the town when none followed a postcode ("Nørregade 12, Aarhus C",
  // "Nørregade 12, Aarhus C 8000"); otherwise they fit nowhere.
  if (result.town.length === 0) result.town = leftover;
  else result.extra = leftover;
  return result;
}
