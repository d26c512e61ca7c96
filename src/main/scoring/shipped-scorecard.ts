import type { ScriptLocale } from '../../shared/scripts/call-script.ts';
import type { Scorecard, ScorecardItem } from '../../shared/scoring/scorecard.ts';

type ItemShape = Omit<ScorecardItem, 'text'>;

/** The items of the shipped scorecard: the practices a supervisor listens for (R29), R32's serious errors as critical items. */
const shape: ItemShape[] = [
  { id: 'ring', rule: 'R1', points: 1, critical: false, signal: 'answeredOnRing2or3' },
  { id: 'greeting', rule: 'R2', points: 2, critical: false, signal: null },
  { id: 'name', rule: 'R5', points: 2, critical: false, signal: null },
  { id: 'questions', rule: 'R9', points: 2, critical: false, signal: null },
  { id: 'paraphrase', rule: 'R10', points: 1, critical: false, signal: null },
  { id: 'price', rule: 'R13', points: 1, critical: false, signal: null },
  { id: 'initiative', rule: 'R17', points: 1, critical: false, signal: null },
  { id: 'hold', rule: 'R18, R19', points: 1, critical: false, signal: 'holdUnder60s' },
  { id: 'transfer', rule: 'R20', points: 1, critical: false, signal: 'atMostTwoTransfers' },
  { id: 'next-step', rule: 'R23', points: 2, critical: false, signal: 'nextStepSet' },
  { id: 'anything-else', rule: 'R24', points: 1, critical: false, signal: null },
  { id: 'goodbye', rule: 'R26', points: 1, critical: false, signal: 'callerHungUpFirst' },
  { id: 'introduced', rule: 'R32', points: 0, critical: true, signal: null },
  { id: 'pace', rule: 'R32', points: 0, critical: true, signal: null },
  { id: 'no-interrupting', rule: 'R32', points: 0, critical: true, signal: null },
  { id: 'listened', rule: 'R32', points: 0, critical: true, signal: null },
  { id: 'said-goodbye', rule: 'R32', points: 0, critical: true, signal: null },
];

const texts: Record<ScriptLocale, { name: string; items: Record<string, string> }> = {
  en: {
    name: 'Call review',
    items: {
      ring: 'Picked up on the 2nd–3rd ring',
      greeting: 'Greeting formula: a greeting, the company (and its line of business), their own name, “How can I help you?”',
      name: 'Asked how to address the caller and used the name during the call',
      questions: 'Clarified with open, then focused, then alternative questions, one at a time',
      paraphrase: 'Paraphrased to confirm understanding (“Do I understand correctly that…?”)',
      price: 'Met a price question with a question first',
      initiative: 'Ended their turns with a question and listened to the answer',
      hold: 'Asked before holding, said why and for how long, thanked for waiting; no hold over a minute',
      transfer: 'Transferred only when needed, said to whom and why; no more than two redirects',
      'next-step': 'Proposed a next step and summarized who does what and when',
      'anything-else': 'Asked whether anything was left unanswered',
      goodbye: 'Thanked, said goodbye, invited action and let the caller hang up first',
      introduced: 'Serious error if not: introduced themselves',
      pace: 'Serious error if not: spoke at a pace the caller could follow',
      'no-interrupting': 'Serious error if not: let the caller finish, never interrupted',
      listened: 'Serious error if not: asked questions, listened and gave feedback',
      'said-goodbye': 'Serious error if not: said goodbye',
    },
  },
  ru: {
    name: 'Оценка звонка',
    items: {
      ring: 'Снял трубку на 2–3-й гудок',
      greeting: 'Формула приветствия: приветствие, компания (и её сфера), своё имя, «Чем могу помочь?»',
      name: 'Спросил, как обращаться к собеседнику, и обращался по имени',
      questions: 'Уточнял открытыми, затем закрытыми и альтернативными вопросами, по одному',
      paraphrase: 'Перефразировал, чтобы убедиться, что понял («Правильно ли я понимаю, что…?»)',
      price: 'На вопрос о цене сначала ответил вопросом',
      initiative: 'Заканчивал свою реплику вопросом и выслушивал ответ',
      hold: 'Спросил разрешения на удержание, сказал зачем и на сколько, поблагодарил за ожидание; удержание не дольше минуты',
      transfer: 'Переводил только при необходимости, сказал кому и зачем; не более двух переадресаций',
      'next-step': 'Предложил следующий шаг и подвёл итог: кто, что и когда делает',
      'anything-else': 'Спросил, остались ли вопросы',
      goodbye: 'Поблагодарил, попрощался, призвал к действию и дал собеседнику первым положить трубку',
      introduced: 'Грубая ошибка, если нет: представился',
      pace: 'Грубая ошибка, если нет: говорил в темпе, удобном собеседнику',
      'no-interrupting': 'Грубая ошибка, если нет: давал договорить, не перебивал',
      listened: 'Грубая ошибка, если нет: задавал вопросы, слушал и давал обратную связь',
      'said-goodbye': 'Грубая ошибка, если нет: попрощался',
    },
  },
  el: {
    name: 'Αξιολόγηση κλήσης',
    items: {
      ring: 'Απάντησε στο 2ο–3ο χτύπημα',
      greeting: 'Φόρμουλα χαιρετισμού: χαιρετισμός, εταιρεία (και αντικείμενο), το όνομά του/της, «Πώς μπορώ να σας βοηθήσω;»',
      name: 'Ρώτησε πώς να απευθύνεται στον καλούντα και χρησιμοποίησε το όνομα',
      questions: 'Διευκρίνισε με ανοιχτές, μετά στοχευμένες και εναλλακτικές ερωτήσεις, μία τη φορά',
      paraphrase: 'Επανέλαβε με δικά του/της λόγια για επιβεβαίωση («Καταλαβαίνω σωστά ότι…;»)',
      price: 'Σε ερώτηση για την τιμή απάντησε πρώτα με ερώτηση',
      initiative: 'Έκλεινε κάθε φορά με ερώτηση και άκουγε την απάντηση',
      hold: 'Ζήτησε άδεια για αναμονή, είπε γιατί και για πόσο, ευχαρίστησε για την αναμονή· καμία αναμονή πάνω από ένα λεπτό',
      transfer: 'Μετέφερε μόνο όταν χρειαζόταν, είπε σε ποιον και γιατί· όχι πάνω από δύο μεταφορές',
      'next-step': 'Πρότεινε επόμενο βήμα και συνόψισε ποιος κάνει τι και πότε',
      'anything-else': 'Ρώτησε αν έμεινε κάτι αναπάντητο',
      goodbye: 'Ευχαρίστησε, αποχαιρέτησε, κάλεσε σε δράση και άφησε τον καλούντα να κλείσει πρώτος',
      introduced: 'Σοβαρό λάθος αν όχι: συστήθηκε',
      pace: 'Σοβαρό λάθος αν όχι: μίλησε με ρυθμό που ο καλών μπορούσε να ακολουθήσει',
      'no-interrupting': 'Σοβαρό λάθος αν όχι: άφησε τον καλούντα να ολοκληρώσει, δεν τον διέκοψε',
      listened: 'Σοβαρό λάθος αν όχι: έκανε ερωτήσεις, άκουσε και έδωσε ανατροφοδότηση',
      'said-goodbye': 'Σοβαρό λάθος αν όχι: αποχαιρέτησε',
    },
  },
};

/** The scorecard Ringside ships, in the desk's language, until an admin saves the office's own. */
export function shippedScorecard(locale: ScriptLocale): Scorecard {
  const text = texts[locale];
  return { name: text.name, items: shape.map((item) => ({ ...item, text: text.items[item.id] ?? item.id })) };
}

export const SHIPPED_SCORECARD_ITEM_IDS = shape.map((item) => item.id);
