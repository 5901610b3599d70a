// A spoken-name key for one normalised word: spellings a listener cannot tell apart on the phone
// get the same key (Søren/Soren/Soeren, Christian/Kristian, Sofie/Sophie, Thomas/Tomas, Carl/Karl,
// Mikael/Michael, Vilhelm/Wilhelm, Sarah/Sara, Victor/Viktor). Names that sound different keep
// different keys (Anne/Anna, Ane/Anne).
import { looseDanish } from './normalise-danish';

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^chr/, 'kr'],
  [/(?!^)ch/g, 'k'], // Joachim/Joakim, Michael/Mikael; an initial ch (Charlotte) is "sh", left alone
  [/ck/g, 'k'],
  [/c(?=[aoulrkt])/g, 'k'], // Carl/Karl, Claus/Klaus, Marcus/Markus, Victor/Viktor
  [/c(?=[eiy])/g, 's'], // Cecilie/Sesilie
  [/c$/g, 'k'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/w/g, 'v'],
  [/x/g, 'ks'],
  [/z/g, 's'],
  [/([aeiouy])h$/g, '$1'], // a silent final h: Sarah/Sara, Hannah/Hanna
  [/ai$/g, 'aj'], // Kai/Kaj, Nicolai/Nikolaj
  [/ei$/g, 'ej'],
];

/** Key of one normalised word; equal keys sound alike. */
export function nameKey(word: string): string {
  let s = looseDanish(word);
  for (const [pattern, replacement] of RULES) s = s.replace(pattern, replacement);
  return s;
}

const DOUBLE = /(.)\1+/g;

/**
 * Two keys name the same person: equal, or equal once doubled letters are single (Mette/Mete,
 * Kristoffer/Kristofer) when the name is long enough that this is a typo rather than another
 * name (Anne and Ane are both names, and sound different).
 */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.max(a.length, b.length) < 5) return false;
  return a.replace(DOUBLE, '$1') === b.replace(DOUBLE, '$1');
}
