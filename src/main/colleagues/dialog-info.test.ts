import { describe, expect, it } from 'vitest';
import { lineStateOf, parseDialogInfo } from './dialog-info.ts';

const doc = (dialogs: string, attrs = 'version="3" state="full"') =>
  `<?xml version="1.0"?>\n<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" ${attrs} entity="sip:102@127.0.0.1">${dialogs}</dialog-info>`;

describe('dialog-info (RFC 4235) bodies', () => {
  it('reads each call’s id, state and direction, as Kamailio’s pua_dialoginfo writes them', () => {
    const info = parseDialogInfo(
      doc(`<dialog id="padi-1" call-id="x" direction="recipient"><state>early</state><remote><identity>sip:103@127.0.0.1</identity></remote></dialog>
           <dialog id="padi-2" direction="initiator"><state event="replaced">Trying</state></dialog>`),
    );
    expect(info).toEqual({
      version: 3,
      full: true,
      dialogs: [
        { id: 'padi-1', state: 'early', direction: 'recipient' },
        { id: 'padi-2', state: 'trying', direction: 'initiator' },
      ],
    });
    expect(parseDialogInfo(doc('', 'version="7" state="partial"'))).toEqual({ version: 7, full: false, dialogs: [] });
  });

  it('takes an empty body as no calls, and refuses what is not dialog-info', () => {
    expect(parseDialogInfo('')).toEqual({ version: null, full: true, dialogs: [] });
    expect(parseDialogInfo('<presence><tuple/></presence>')).toBeNull();
    expect(parseDialogInfo('not xml at all <<<')).toBeNull();
    expect(parseDialogInfo(doc('<dialog id="a"><state>confirmed</state></dialog>'.repeat(5000)))).toBeNull();
  });

  it('does not expand entities (no billion laughs)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <dialog-info version="1" state="full"><dialog id="&b;"><state>confirmed</state></dialog></dialog-info>`;
    const info = parseDialogInfo(bomb);
    expect(info?.dialogs[0]?.id ?? '').not.toContain('aaaaaaaaaa');
  });

  it('makes a line busy on a call or while dialling out, ringing on a call to them, idle otherwise', () => {
    expect(lineStateOf([])).toBe('idle');
    expect(lineStateOf([{ id: '1', state: 'terminated', direction: 'recipient' }])).toBe('idle');
    expect(lineStateOf([{ id: '1', state: 'early', direction: 'recipient' }])).toBe('ringing');
    expect(lineStateOf([{ id: '1', state: 'early', direction: null }])).toBe('ringing');
    expect(lineStateOf([{ id: '1', state: 'early', direction: 'initiator' }])).toBe('busy');
    expect(lineStateOf([{ id: '1', state: 'early', direction: 'recipient' }, { id: '2', state: 'confirmed', direction: 'recipient' }])).toBe('busy');
  });
});
