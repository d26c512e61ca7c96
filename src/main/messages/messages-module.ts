import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import { MESSAGE_CONTENT_TYPE } from '../../shared/ipc/messages.ts';
import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import { MessageCourier } from './message-courier.ts';

export type MessagesMethod = 'messages.send' | 'messages.list' | 'messages.setStatus';

/** Desk-to-desk messages over SIP MESSAGE (decision 0009). */
export function createMessagesModule(ctx: ModuleContext, deps: { myExtension(): string; send(toExtension: string, body: string, contentType: string): Promise<void> }) {
  const { settings, bus, clock } = ctx;
  const messages = ctx.stores.office.messages;
  const courier = new MessageCourier({
    clock,
    log: ctx.log.child('messages'),
    store: messages,
    newId: ctx.newId,
    me: () => ({ extension: deps.myExtension(), name: settings.get().account.displayName }),
    region: () => settings.get().defaultRegion,
    send: (toExtension, body) => deps.send(toExtension, body, MESSAGE_CONTENT_TYPE),
    onChanged: () => bus.emit('message.changed', { messageId: null }),
    onReceived: (message) => ctx.broadcast('messages.received', { id: message.id, fromName: message.fromName || message.fromExtension, callerName: message.callerName, urgency: message.urgency }),
  });
  courier.start();
  const module: CoreModule<MessagesMethod> = {
    handlers: {
      'messages.send': (input) => courier.take(input),
      'messages.list': async ({ box, limit }) => ({ messages: await messages.list(box, limit), unread: await messages.unread() }),
      'messages.setStatus': async ({ id, status }) => {
        const me = settings.get().account.displayName || ctx.actor();
        if (!(await messages.setStatus(id, 'received', status, me, clock.now()))) throw new RpcError('no-such-message', 'That message is not in your inbox.');
        bus.emit('message.changed', { messageId: id });
        return {};
      },
    },
    dispose: () => courier.dispose(),
  };
  return { ...module, receive: (body: string) => courier.receive(body) };
}
