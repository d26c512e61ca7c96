import { describe, expect, it } from 'vitest';
import { contactFields } from './contact-fields.ts';

describe('a contact’s stored fields', () => {
  it('are plain readable text from a form or a CSV alike: no control characters or direction overrides, notes keep their lines', () => {
    const fields = contactFields({
      name: ' <b>Eve</b>\u202Egnp.exe\u0007 ',
      organization: '=HYPERLINK("http://evil")\u0000',
      position: 'Head\tof\nsales',
      email: 'eve@example.com\u200B',
      category: 'A',
      notes: 'First\u202E line\r\nSecond\u0001 line',
    });
    expect(fields).toEqual({
      name: '<b>Eve</b>gnp.exe',
      organization: '=HYPERLINK("http://evil")',
      position: 'Head of sales',
      email: 'eve@example.com',
      category: 'A',
      notes: 'First line\nSecond line',
      search_text: expect.any(String) as string,
    });
  });
});
