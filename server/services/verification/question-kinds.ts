// The question kinds the engine asks, each with how hard its answer is to find out (its strength weight),
// the family it belongs to (a draw asks at most two of one family) and the input the console offers.
import type { AnswerFormat, QuestionKind } from '../../../shared/api/index';

export type QuestionFamily = 'address' | 'parents' | 'marriage' | 'children' | 'origin';

export interface QuestionKindInfo {
  family: QuestionFamily;
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
  earlier_address: { family: 'address', answerFormat: 'address', strength: 1 },
  // Month and year of a move: hardest to look up, and the question gives away only the street.
  address_move_in: { family: 'address', answerFormat: 'month_year', strength: 1.25 },
  address_move_out: { family: 'address', answerFormat: 'month_year', strength: 1.25 },
  // One of ~100 names (~270 before 2007), often inferable from where relatives live.
  municipality_in_year: { family: 'address', answerFormat: 'municipality', strength: 0.75 },
  parent_first_name: { family: 'parents', answerFormat: 'name', strength: 0.5 },
  spouse_first_name: { family: 'marriage', answerFormat: 'name', strength: 0.5 },
  marriage_year: { family: 'marriage', answerFormat: 'year', strength: 0.75 },
  divorce_year: { family: 'marriage', answerFormat: 'year', strength: 1 },
  child_first_name: { family: 'children', answerFormat: 'name', strength: 0.5 },
  child_birth_year: { family: 'children', answerFormat: 'year', strength: 0.75 },
  place_of_birth: { family: 'origin', answerFormat: 'place', strength: 0.5 },
  former_surname: { family: 'origin', answerFormat: 'name', strength: 0.5 },
};

/** A draw never asks more than this many questions of one family. */
export const maxPerFamily = 2;

/**
 * An answer counts as fully correct from this score: the scorers give 0.95 for one tolerated street
 * typo or one left-out floor or door, which is still the right address; a contradiction (0.5) is not.
 */
export const fullyCorrectScore = 0.9;
