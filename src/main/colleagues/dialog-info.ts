import { XMLParser } from 'fast-xml-parser';
import type { LineState } from '../../shared/ipc/colleagues.ts';

/** One call of the watched extension, as the phone system reports it (RFC 4235). */
export interface DialogEntry {
  id: string;
  /** trying, proceeding, early, confirmed or terminated (lower-cased: some servers capitalize). */
  state: string;
  /** recipient: a call to them; initiator: a call they placed. Null when the server does not say. */
  direction: 'initiator' | 'recipient' | null;
}

/** A dialog-info document: everything (full) or only what changed (partial) since `version`. */
export interface DialogInfo {
  version: number | null;
  full: boolean;
  dialogs: DialogEntry[];
}

const MAX_BODY_CHARS = 64 * 1024;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Entities are never needed here and are the classic way to blow up an XML parser.
  processEntities: false,
  isArray: (name) => name === 'dialog',
});

/**
 * The body of a NOTIFY for Event: dialog. An empty body (what Kamailio sends before anyone
 * published) means no calls. Null when the body is not a dialog-info document.
 */
export function parseDialogInfo(body: string): DialogInfo | null {
  if (body.trim() === '') return { version: null, full: true, dialogs: [] };
  if (body.length > MAX_BODY_CHARS) return null;
  let document: unknown;
  try {
    document = parser.parse(body);
  } catch {
    return null;
  }
  const root = record(record(document)?.['dialog-info']);
  if (!root) return null;
  const version = Number(root['@version']);
  const dialogs: DialogEntry[] = [];
  for (const item of Array.isArray(root['dialog']) ? root['dialog'] : []) {
    const dialog = record(item);
    const id = dialog?.['@id'];
    const stateNode = dialog?.['state'];
    const state = typeof stateNode === 'string' ? stateNode : record(stateNode)?.['#text'];
    if (typeof id !== 'string' || typeof state !== 'string') continue;
    const direction = dialog?.['@direction'];
    dialogs.push({ id, state: state.trim().toLowerCase(), direction: direction === 'initiator' || direction === 'recipient' ? direction : null });
  }
  return { version: Number.isInteger(version) ? version : null, full: root['@state'] !== 'partial', dialogs };
}

/** A colleague's line from their calls: on a call beats ringing beats free. */
export function lineStateOf(dialogs: Iterable<DialogEntry>): LineState {
  let line: LineState = 'idle';
  for (const dialog of dialogs) {
    if (dialog.state === 'terminated') continue;
    // Dialling out counts as busy: they cannot take a transfer now.
    if (dialog.state === 'confirmed' || dialog.direction === 'initiator') return 'busy';
    line = 'ringing';
  }
  return line;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
