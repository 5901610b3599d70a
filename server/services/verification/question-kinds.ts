// The question kinds the engine asks, each with how hard its answer is to find out (its strength weight),
// the family it belongs to (a draw asks at most two of one family) and the input the console offers.
import type { AnswerFormat, QuestionKind } from '../../../shared/api/index';

export type QuestionFamily = 'address' | 'moves' | 'abroad' | 'parents' | 'marriage' | 'children' | 'origin';

/**
 * Who else can answer it. private: only the person (and whoever shared the home at the time) knows it,
 * and it is not on social media: earlier addresses, months of moves, the municipality at a date.
 * acquaintance: relatives, ex-partners, friends and social media know it: family names, the wedding
 * year, children's birth years, the birthplace, a maiden name. A draw asks at most
 * `maxAcquaintanceQuestions` of these among the base questions, and a pass needs `minPrivateCorrect`
 * fully correct private answers (policy).
 */
export type Knowledge = 'private' | 'acquaintance';

export interface QuestionKindInfo {
  family: QuestionFamily;
  knowledge: Knowledge;
  answerFormat: AnswerFormat;
  /**
   * Relative weight of a correct answer. 1 is an earlier address: known to the person, findable only
   * with effort (old phone books, letters). Lower: often public (social media, obituaries, a name
   * one can guess). Higher: dates few others remember.
   */
  strength: number;
}

/** The strength table (README "Verification engine" repeats it). */
export const questionKinds: Readonly<Record<QuestionKind, QuestionKindInfo>> = {
  earlier_address: { family: 'address', knowledge: 'private', answerFormat: 'address', strength: 1 },
  // Month and year of a move: hardest to look up, and the question gives away only the street.
  address_move_in: { family: 'moves', knowledge: 'private', answerFormat: 'month_year', strength: 1.25 },
  address_move_out: { family: 'moves', knowledge: 'private', answerFormat: 'month_year', strength: 1.25 },
  // The question shows no address; only the person and those who moved with them know the month.
  current_move_in: { family: 'moves', knowledge: 'private', answerFormat: 'month_year', strength: 1.25 },
  // One of ~30 countries, for a year lived there; friends may know of a stay abroad, seldom the years.
  country_in_year: { family: 'abroad', knowledge: 'private', answerFormat: 'place', strength: 0.75 },
  // One of ~100 names (~270 before 2007), often inferable from where relatives live.
  municipality_in_year: { family: 'address', knowledge: 'private', answerFormat: 'municipality', strength: 0.75 },
  parent_first_name: { family: 'parents', knowledge: 'acquaintance', answerFormat: 'name', strength: 0.5 },
  spouse_first_name: { family: 'marriage', knowledge: 'acquaintance', answerFormat: 'name', strength: 0.5 },
  marriage_year: { family: 'marriage', knowledge: 'acquaintance', answerFormat: 'year', strength: 0.75 },
  divorce_year: { family: 'marriage', knowledge: 'acquaintance', answerFormat: 'year', strength: 1 },
  child_first_name: { family: 'children', knowledge: 'acquaintance', answerFormat: 'name', strength: 0.5 },
  child_birth_year: { family: 'children', knowledge: 'acquaintance', answerFormat: 'year', strength: 0.75 },
  place_of_birth: { family: 'origin', knowledge: 'acquaintance', answerFormat: 'place', strength: 0.5 },
  former_surname: { family: 'origin', knowledge: 'acquaintance', answerFormat: 'name', strength: 0.5 },
};

/** A draw never asks more than this many questions of one family. */
export const maxPerFamily = 2;

/**
 * An answer counts as fully correct from this score: the scorers give 0.95 for one tolerated street
 * typo or one left-out floor or door, which is still the right address; a contradiction (0.5) is not.
 */
export const fullyCorrectScore = 0.9;
