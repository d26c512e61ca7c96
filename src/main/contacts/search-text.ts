/** Lower-case with accents removed, so "Ηλίας" is found by "ηλιας" and "Ёлкин" by "елкин". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ё/g, 'е').replace(/ς/g, 'σ');
}
