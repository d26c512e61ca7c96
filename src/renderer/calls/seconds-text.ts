import type { TFunction } from 'i18next';

/** "1.5 s", "1,5 с": a speed of answer in the language's own number format. */
export function secondsText(t: TFunction, language: string, ms: number): string {
  return t('calls.seconds', { value: new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ms / 1000) });
}
