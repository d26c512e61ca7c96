import { describe, expect, it } from 'vitest';
import { CALL_SCRIPT_VERSION, type CallScript } from './call-script.ts';
import { fillPlaceholders, missingOfficeValues, unknownPlaceholders } from './fill-placeholders.ts';
import { holidayWish, orthodoxEaster } from './holiday-wish.ts';
import { parseCallScript } from './parse-call-script.ts';

const script = (locale: CallScript['locale'], greeting: string): CallScript => ({
  version: CALL_SCRIPT_VERSION,
  id: `test-${locale}`,
  name: 'Test',
  locale,
  description: '',
  stages: [
    { id: 'greeting', kind: 'greeting', title: 'Greeting', say: [greeting], checklist: [{ id: 'own-name', text: 'Said my name' }], questions: [], hints: [] },
    {
      id: 'request',
      kind: 'request',
      title: 'The request',
      say: [],
      checklist: [],
      questions: [{ id: 'temperature', text: 'Lead temperature', field: 'temperature', choices: ['hot', 'warm', 'cold'] }],
      hints: [{ say: 'How may I address you?', notThat: 'Who is this?' }],
    },
  ],
  faq: [],
  objections: [],
});

describe('script files', () => {
  it('takes control characters and direction overrides out of a file’s text, keeping line breaks and markup as plain characters', () => {
    const hostile = script('en', 'Good morning\u202E{company}\u0007 <img src=x onerror=alert(1)>');
    hostile.name = 'Reception\u202Egnp.exe\u0000';
    hostile.faq = [{ question: 'Price?', answer: 'First line\u200B\nSecond line' }];
    const parsed = parseCallScript(JSON.stringify(hostile));
    expect(parsed.ok && parsed.script.name).toBe('Receptiongnp.exe');
    expect(parsed.ok && parsed.script.stages[0]?.say[0]).toBe('Good morning{company} <img src=x onerror=alert(1)>');
    expect(parsed.ok && parsed.script.faq[0]?.answer).toBe('First line\nSecond line');
  });

  it('reads a valid script in each language', () => {
    for (const [locale, greeting] of [
      ['en', 'Good morning{holidayWish}, {company}, {agentName} speaking. How can I help you?'],
      ['ru', 'Добрый день! {holidayWish} Компания «{company}», {agentName}. Чем могу вам помочь?'],
      ['el', 'Καλημέρα σας! {holidayWish} {company}, με λένε {agentName}. Πώς μπορώ να σας εξυπηρετήσω;'],
    ] as const) {
      const parsed = parseCallScript(JSON.stringify(script(locale, greeting)));
      expect(parsed).toMatchObject({ ok: true, script: { locale } });
    }
  });

  it('names the bad place of a broken file, with the stage title', () => {
    const broken = script('en', 'Hello') as unknown as { stages: { questions: { field: string }[] }[] };
    broken.stages[1]!.questions[0]!.field = 'shoe size';
    const parsed = parseCallScript(JSON.stringify(broken));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]).toMatch(/^stages\[1\]\.questions\[0\]\.field \(stage "The request"\): /);
  });

  it('refuses invalid JSON, a newer version, repeated ids and a script without a greeting', () => {
    expect(parseCallScript('{"version": 1,')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^The file is not valid JSON/)] });
    expect(parseCallScript(JSON.stringify({ ...script('en', 'Hi'), version: 9 }))).toMatchObject({ ok: false, errors: [expect.stringContaining('newer Ringside (version 9)')] });
    const twice = script('en', 'Hi');
    twice.stages[1]!.id = 'greeting';
    twice.stages[1]!.kind = 'goodbye';
    expect(parseCallScript(JSON.stringify(twice))).toMatchObject({ ok: false, errors: ['stages[1].id (stage "The request"): repeats the id of stages[0]'] });
    expect(parseCallScript(JSON.stringify(script('en', 'Hello {nickname}')))).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^stages\[0\]\.say\[0\] \(stage "Greeting"\): unknown placeholder \{nickname\}; known: \{company\}/)],
    });
    const noGreeting = script('en', 'Hi');
    noGreeting.stages = noGreeting.stages.slice(1);
    expect(parseCallScript(JSON.stringify(noGreeting))).toMatchObject({ ok: false, errors: ['stages: needs a greeting stage'] });
  });
});

describe('placeholders', () => {
  const values = { company: 'Ventura', activity: 'window installation', agentName: 'Maria' };

  it('keeps every character of a line, dots inside words and markup included, when it leaves out a sentence', () => {
    expect(fillPlaceholders('See www.ventura.gr or v2.5 of the price list. Call 210.555.0100!', values)).toBe('See www.ventura.gr or v2.5 of the price list. Call 210.555.0100!');
    const hostile = 'Good morning <script>window.__pwned=(window.__pwned||0)+1</script> <img src=x onerror=window.__pwned=1>';
    expect(fillPlaceholders(hostile, values)).toBe(hostile);
    expect(fillPlaceholders('Prices at ventura.gr. This is {agentName}. Bye.', { company: 'Ventura' })).toBe('Prices at ventura.gr. Bye.');
  });

  it('fills a greeting in English, Russian and Greek', () => {
    expect(fillPlaceholders('Good morning, {activity}, {company}, {agentName} speaking. How can I help you?', values)).toBe(
      'Good morning, window installation, Ventura, Maria speaking. How can I help you?',
    );
    expect(fillPlaceholders('Добрый день! Компания «{company}», меня зовут {agentName}. Чем могу вам помочь?', { ...values, agentName: 'Мария' })).toBe(
      'Добрый день! Компания «Ventura», меня зовут Мария. Чем могу вам помочь?',
    );
    expect(fillPlaceholders('Καλημέρα σας! {company}, με λένε {agentName}. Πώς μπορώ να σας εξυπηρετήσω;', { ...values, agentName: 'Μαρία' })).toBe(
      'Καλημέρα σας! Ventura, με λένε Μαρία. Πώς μπορώ να σας εξυπηρετήσω;',
    );
  });

  it('leaves no gap where a value is not known yet', () => {
    expect(fillPlaceholders('Thank you, {callerName}!', {})).toBe('Thank you!');
    expect(fillPlaceholders('Спасибо, {callerName}, что позвонили!', { callerName: null })).toBe('Спасибо, что позвонили!');
    expect(fillPlaceholders('Ευχαριστούμε, {callerName}, για την κλήση σας.', { callerName: '  ' })).toBe('Ευχαριστούμε, για την κλήση σας.');
    expect(fillPlaceholders('{holidayWish} Good morning!', {})).toBe('Good morning!');
    expect(fillPlaceholders('Good morning! {holidayWish} {company}, {activity}. This is {agentName}.', { agentName: 'Maria' })).toBe('Good morning! This is Maria.');
    expect(fillPlaceholders('Καλημέρα σας! {holidayWish} {company}, {activity}. Με λένε {agentName}. Πώς μπορώ να σας εξυπηρετήσω;', {})).toBe(
      'Καλημέρα σας! Πώς μπορώ να σας εξυπηρετήσω;',
    );
    expect(fillPlaceholders('Good morning! {holidayWish}', { holidayWish: 'Happy New Year!' })).toBe('Good morning! Happy New Year!');
    expect(fillPlaceholders('Спасибо, {callerName}, что позвонили!', { callerName: 'Ольга Петровна' })).toBe('Спасибо, Ольга Петровна, что позвонили!');
  });

  it('never shows a broken greeting: a sentence missing the agent name or the company is left out whole, in en, ru and el', () => {
    const greetings = {
      en: 'Good morning! {holidayWish} {company}, {activity}. This is {agentName}. How can I help you?',
      ru: 'Доброе утро! {holidayWish} {company}, {activity}. Меня зовут {agentName}. Чем могу вам помочь?',
      el: 'Καλημέρα σας! {holidayWish} {company}, {activity}. Με λένε {agentName}. Πώς μπορώ να σας εξυπηρετήσω;',
    };
    expect(fillPlaceholders(greetings.en, {})).toBe('Good morning! How can I help you?');
    expect(fillPlaceholders(greetings.ru, {})).toBe('Доброе утро! Чем могу вам помочь?');
    expect(fillPlaceholders(greetings.el, {})).toBe('Καλημέρα σας! Πώς μπορώ να σας εξυπηρετήσω;');
    expect(fillPlaceholders(greetings.en, { company: 'Ventura' })).toBe('Good morning! Ventura. How can I help you?');
    expect(fillPlaceholders(greetings.ru, { agentName: 'Мария', holidayWish: 'С Новым годом!' })).toBe('Доброе утро! С Новым годом! Меня зовут Мария. Чем могу вам помочь?');
    expect(fillPlaceholders(greetings.el, { company: 'Ventura', activity: 'κουφώματα', agentName: 'Άννα' })).toBe(
      'Καλημέρα σας! Ventura, κουφώματα. Με λένε Άννα. Πώς μπορώ να σας εξυπηρετήσω;',
    );
    expect(fillPlaceholders('Hello. We make {activity} here. Bye!', {})).toBe('Hello. Bye!');
    const salesRu = 'Добрый день! {holidayWish} Компания «{company}», {activity}. Меня зовут {agentName}. Чем могу Вам помочь?';
    expect(fillPlaceholders(salesRu, { agentName: 'Мария' })).toBe('Добрый день! Меня зовут Мария. Чем могу Вам помочь?');
    expect(fillPlaceholders(salesRu, { company: 'Вентура', agentName: 'Мария' })).toBe('Добрый день! Компания «Вентура». Меня зовут Мария. Чем могу Вам помочь?');
    expect(missingOfficeValues(greetings.en, { company: 'Ventura', agentName: ' ' })).toEqual(['activity', 'agentName']);
  });

  it('keeps placeholders it does not know, and lists them for the editor', () => {
    expect(fillPlaceholders('Hello {nickname}', values)).toBe('Hello {nickname}');
    expect(unknownPlaceholders('Hi {callerName}, {nickname} and {colour}')).toEqual(['nickname', 'colour']);
  });
});

describe('holiday wishes (R3)', () => {
  it('computes Orthodox Easter', () => {
    expect(orthodoxEaster(2025)).toEqual({ month: 4, day: 20 });
    expect(orthodoxEaster(2026)).toEqual({ month: 4, day: 12 });
    expect(orthodoxEaster(2027)).toEqual({ month: 5, day: 2 });
  });

  it('wishes in the script language on the region’s public holidays, and nothing on other days', () => {
    expect(holidayWish(new Date(2027, 0, 1, 10), 'GR', 'el')).toBe('Καλή χρονιά!');
    expect(holidayWish(new Date(2027, 0, 7, 10), 'RU', 'ru')).toBe('С Рождеством Христовым!');
    expect(holidayWish(new Date(2027, 0, 7, 10), 'GR', 'el')).toBeNull();
    expect(holidayWish(new Date(2026, 2, 25, 10), 'GR', 'en')).toBe('Happy national holiday!');
    expect(holidayWish(new Date(2026, 3, 13, 10), 'CY', 'el')).toBe('Χριστός Ανέστη!');
    expect(holidayWish(new Date(2026, 1, 23, 10), 'GR', 'el')).toBe('Χρόνια πολλά!');
    expect(holidayWish(new Date(2026, 4, 9, 10), 'RU', 'ru')).toBe('С Днём Победы!');
    expect(holidayWish(new Date(2026, 10, 23, 10), 'GR', 'el')).toBeNull();
    expect(holidayWish(new Date(2026, 11, 25, 10), 'FR', 'en')).toBe('Merry Christmas!');
  });
});
