import type { TFunction } from 'i18next';
import type { RegistrationProblem } from '../../shared/phone/registration-problem.ts';

/** Why the phone is not registered, in the window's language. */
export function registrationProblemText(t: TFunction, language: string, problem: RegistrationProblem): string {
  if (problem.code === 'account-missing') {
    const fields = problem.params.fields.map((field) => t(`registrationProblem.fields.${field}`));
    return t('registrationProblem.account-missing', { fields: new Intl.ListFormat(language, { type: 'conjunction' }).format(fields) });
  }
  return t(`registrationProblem.${problem.code}`, problem.params);
}
