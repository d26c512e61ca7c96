import type { CoreModule, ModuleContext } from '../core/core-module.ts';

export type ContactsMethod =
  | 'contacts.get'
  | 'contacts.save'
  | 'contacts.capture'
  | 'contacts.saveCallCard'
  | 'contacts.search'
  | 'contacts.cardForNumber'
  | 'contacts.delete'
  | 'contacts.importCsv';

/** The address book. A change is shown on the live calls' cards before the window is answered. */
export function createContactsModule(ctx: ModuleContext, deps: { refreshCards(): Promise<void> }): CoreModule<ContactsMethod> {
  const { stores, bus, settings } = ctx;
  const contacts = stores.office.contacts;
  const changed = async (contactId: string | null, change: 'saved' | 'deleted' | 'imported') => {
    await deps.refreshCards();
    bus.emit('contact.changed', { contactId, change });
  };
  return {
    handlers: {
      'contacts.get': ({ id }) => contacts.get(id),
      'contacts.save': async (input) => {
        const saved = await contacts.save(input);
        await changed(saved.id, 'saved');
        return saved;
      },
      'contacts.capture': async ({ contactId, field, value }) => {
        const contact = await contacts.capture(contactId, field, value);
        await changed(contactId, 'saved');
        return contact;
      },
      'contacts.saveCallCard': async ({ callId, contact, captured }) => {
        const saved = await contacts.saveForCall(callId, contact, captured);
        await changed(saved.id, 'saved');
        return saved;
      },
      'contacts.search': ({ query, limit }) => contacts.search(query, limit),
      'contacts.cardForNumber': ({ number }) => contacts.cardForNumber(number),
      'contacts.delete': async ({ id }) => {
        const result = await contacts.remove(id, ctx.actor());
        await changed(id, 'deleted');
        return result;
      },
      'contacts.importCsv': async ({ text }) => {
        const report = await contacts.importCsv(text, settings.get().defaultRegion);
        await changed(null, 'imported');
        return report;
      },
    },
  };
}
