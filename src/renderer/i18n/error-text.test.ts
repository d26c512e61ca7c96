import { afterEach, describe, expect, it } from 'vitest';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import { errorText } from './error-text.ts';
import { i18n } from './i18n.ts';

describe('error text', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('words a core error in the window’s language with its details', async () => {
    const locked = new RpcError('pin-locked', 'Too many wrong PINs. Try again in 30 s.', { seconds: 30 });
    expect(errorText(locked)).toBe('Too many wrong PINs. Try again in 30 s.');
    await i18n.changeLanguage('ru');
    expect(errorText(locked)).toBe('Слишком много неверных PIN. Попробуйте через 30 с.');
    await i18n.changeLanguage('el');
    expect(errorText(new RpcError('phone-taken', 'The number +30 210 already belongs to Ελένη.', { number: '+30 210', owner: 'Ελένη' }))).toBe('Ο αριθμός +30 210 ανήκει ήδη στην επαφή «Ελένη».');
  });

  it('falls back to the words that came for a code it does not know, and to any error’s message', async () => {
    await i18n.changeLanguage('ru');
    expect(errorText(new RpcError('from-a-newer-core', 'Something new went wrong.'))).toBe('Something new went wrong.');
    expect(errorText(new Error('plain'))).toBe('plain');
    expect(errorText('text')).toBe('text');
  });
});
