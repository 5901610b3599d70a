// What the console checks of an answer before sending it. The server scores it; here only what would
// make it unanswerable: empty, longer than the contract allows, a year without digits.
import type { AnswerFormat } from '../../../../shared/api/index';
import { maxAnswerLength } from '../../../../shared/domain/answers/index';

export type AnswerMessageKey = `call.question.validation.${'required' | 'tooLong' | 'yearDigits'}`;

export function answerProblem(format: AnswerFormat, text: string): AnswerMessageKey | null {
  const answer = text.trim();
  if (answer === '') return 'call.question.validation.required';
  if (answer.length > maxAnswerLength) return 'call.question.validation.tooLong';
  // "1998", "'98", "marts 1998", "3/98": Danish ways of writing a year all carry its digits.
  if ((format === 'year' || format === 'month_year') && !/\d{2}/.test(answer)) return 'call.question.validation.yearDigits';
  return null;
}
