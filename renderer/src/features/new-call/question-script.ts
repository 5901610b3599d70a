// The line the agent reads aloud for a question: from its kind and params, in the call language.
import type { TFunction } from 'i18next';
import type { QuestionView } from '../../../../shared/api/index';

type Params = QuestionView['params'];

/** The first of several names the engine may give a parameter (e.g. `year` or `birthYear`). */
function pick(params: Params, ...names: string[]): string | number | undefined {
  for (const n of names) {
    const v = params[n];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

/**
 * Renders the script line. A kind whose parameter is missing falls back to a line without it, so the
 * agent never reads "{{year}}" aloud. `t` is i18n.getFixedT(callLanguage).
 */
export function questionScript(t: TFunction, q: Pick<QuestionView, 'kind' | 'params'>): string {
  const p = q.params;
  // The engine's names (server/services/verification/candidates.ts) first, then likely others.
  const year = pick(p, 'year', 'birthYear');
  const street = pick(p, 'street', 'streetName');
  const name = pick(p, 'childFirstName', 'name', 'childName');
  switch (q.kind) {
    case 'earlier_address':
      return year !== undefined ? t('script.questions.earlier_address', { year }) : t('script.questions.earlier_address_plain');
    // Under name and address protection the home is named by a year lived there, not by its street.
    case 'address_move_in':
      if (street !== undefined) return t('script.questions.address_move_in', { street });
      return year !== undefined ? t('script.questions.address_move_in_year', { year }) : t('script.questions.address_move_in_plain');
    case 'address_move_out':
      if (street !== undefined) return t('script.questions.address_move_out', { street });
      return year !== undefined ? t('script.questions.address_move_out_year', { year }) : t('script.questions.address_move_out_plain');
    case 'current_move_in':
      return t('script.questions.current_move_in');
    case 'country_in_year':
      return year !== undefined ? t('script.questions.country_in_year', { year }) : t('script.questions.country_in_year_plain');
    case 'municipality_in_year':
      return year !== undefined
        ? t('script.questions.municipality_in_year', { year })
        : t('script.questions.municipality_in_year_plain');
    case 'parent_first_name': {
      const parent = String(pick(p, 'parent', 'role') ?? '').toLowerCase();
      if (parent === 'mother' || parent === 'mor') return t('script.questions.parent_first_name_mother');
      if (parent === 'father' || parent === 'far') return t('script.questions.parent_first_name_father');
      return t('script.questions.parent_first_name_plain');
    }
    // `when`: the current or the one former marriage (the engine asks only when that names one person).
    case 'spouse_first_name':
      return p.when === 'former' ? t('script.questions.spouse_first_name_former') : t('script.questions.spouse_first_name_current');
    case 'marriage_year':
      return p.when === 'former'
        ? t('script.questions.marriage_year_former')
        : p.when === 'current'
          ? t('script.questions.marriage_year_current')
          : t('script.questions.marriage_year');
    case 'divorce_year':
      return t('script.questions.divorce_year');
    case 'child_first_name':
      return year !== undefined ? t('script.questions.child_first_name', { year }) : t('script.questions.child_first_name_plain');
    case 'child_birth_year':
      return name !== undefined ? t('script.questions.child_birth_year', { name }) : t('script.questions.child_birth_year_plain');
    case 'place_of_birth':
      return t('script.questions.place_of_birth');
    case 'former_surname':
      return t('script.questions.former_surname');
  }
}
