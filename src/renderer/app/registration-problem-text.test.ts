import { describe, expect, it } from 'vitest';
import { registrationReasonInEnglish, type RegistrationProblem } from '../../shared/phone/registration-problem.ts';
import { i18n } from '../i18n/i18n.ts';
import { registrationProblemText } from './registration-problem-text.ts';

const every: RegistrationProblem[] = [
  { code: 'account-missing', params: { fields: ['serverUrl', 'password'] } },
  { code: 'bad-sip-address', params: { address: '101' } },
  { code: 'bad-certificate', params: { detail: 'bad base64' } },
  { code: 'unreachable', params: { server: 'wss://pbx:8089/ws' } },
  { code: 'tls-untrusted', params: { server: 'wss://pbx:8089/ws', detail: 'SELF_SIGNED_CERT_IN_CHAIN' } },
  { code: 'tls-expired', params: { server: 'wss://pbx:8089/ws', detail: 'CERT_HAS_EXPIRED' } },
  { code: 'tls-wrong-name', params: { server: 'wss://pbx:8089/ws', detail: 'ERR_TLS_CERT_ALTNAME_INVALID' } },
  { code: 'auth-refused', params: { status: '403 Forbidden' } },
  { code: 'server-refused', params: { status: '503 Service Unavailable' } },
  { code: 'registration-failed', params: { detail: 'timeout' } },
  { code: 'connection-lost', params: {} },
  { code: 'registration-ended', params: {} },
];

describe('registration problems in the window’s language', () => {
  it('in English, say exactly what the log says', () => {
    const t = i18n.getFixedT('en');
    for (const problem of every) expect(registrationProblemText(t, 'en', problem)).toBe(registrationReasonInEnglish(problem));
  });

  it('in Russian and Greek, with the details in place and the missing fields listed in the language', () => {
    const ru = i18n.getFixedT('ru');
    const el = i18n.getFixedT('el');
    expect(registrationProblemText(ru, 'ru', every[0]!)).toBe('Укажите в настройках адрес сервера и пароль');
    expect(registrationProblemText(el, 'el', every[0]!)).toBe('Συμπληρώστε στις Ρυθμίσεις τη διεύθυνση του διακομιστή και τον κωδικό');
    expect(registrationProblemText(ru, 'ru', every[7]!)).toBe('403 Forbidden: сервер не принял имя пользователя или пароль');
    // The server's own words ("503 Service Unavailable") stay as the server said them.
    for (const problem of every.filter((p) => p.code !== 'server-refused' && p.code !== 'account-missing')) {
      for (const [t, language] of [[ru, 'ru'], [el, 'el']] as const) {
        const text = registrationProblemText(t, language, problem);
        expect(text).not.toBe(registrationReasonInEnglish(problem));
        for (const value of Object.values(problem.params)) expect(text).toContain(String(value));
      }
    }
  });
});
