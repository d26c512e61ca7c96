import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredMessage } from '../../shared/ipc/messages.ts';
import { useVirtualRows } from '../app/use-virtual-rows.ts';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { runAction } from '../core/core-connection.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { MessageForm } from './message-form.tsx';

/** The inbox of messages taken for this desk, and those this desk took for colleagues with their delivery. */
export function MessagesScreen() {
  const { t } = useTranslation();
  const [box, setBox] = useState<'received' | 'sent'>('received');
  const [writing, setWriting] = useState(false);
  const data = useCoreQuery(`messages:${box}`, 'messages', (api) => api.call('messages.list', { box, limit: 200 }));
  const mark = (id: string, status: MessageStatusMark) => void runAction((api) => api.call('messages.setStatus', { id, status }));
  return (
    <section className="screen" aria-labelledby="messages-title">
      <div className="screen-header">
        <h2 id="messages-title">{t('messages.title')}</h2>
        <div className="segmented" role="group">
          <button type="button" aria-pressed={box === 'received'} onClick={() => setBox('received')}>
            {t('messages.inbox')}
          </button>
          <button type="button" aria-pressed={box === 'sent'} onClick={() => setBox('sent')}>
            {t('messages.sent')}
          </button>
        </div>
        <button type="button" className="button" onClick={() => setWriting(true)}>
          {t('messages.newMessage')}
        </button>
      </div>
      {writing && <MessageForm onDone={() => setWriting(false)} />}
      {data === null ? null : data.messages.length === 0 ? (
        <p className="muted">{t('messages.none')}</p>
      ) : (
        <MessageList messages={data.messages} onMark={mark} />
      )}
    </section>
  );
}

type MessageStatusMark = 'read' | 'called-back' | 'done';

/** Only the messages in view are rendered; each says where it stands in the whole list. */
function MessageList({ messages, onMark }: { messages: StoredMessage[]; onMark(id: string, status: MessageStatusMark): void }) {
  const { t } = useTranslation();
  const { scroller, items, before, after, measure, onKeyDown } = useVirtualRows({ count: messages.length, estimateSize: 120, key: (i) => messages[i]?.id ?? String(i), gap: 8 });
  return (
    <div className="list-scroller" ref={scroller} tabIndex={0} onKeyDown={onKeyDown} aria-label={t('messages.title')}>
      <ul className="message-list" style={{ paddingTop: before, paddingBottom: after }}>
        {items.map((item) => {
          const m = messages[item.index];
          return m ? (
            <MessageItem key={item.key} message={m} index={item.index} total={messages.length} measure={measure} onMark={(status) => onMark(m.id, status)} />
          ) : null;
        })}
      </ul>
    </div>
  );
}

interface MessageItemProps {
  message: StoredMessage;
  index: number;
  total: number;
  measure(element: Element | null): void;
  onMark(status: MessageStatusMark): void;
}

function MessageItem({ message: m, index, total, measure, onMark }: MessageItemProps) {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  return (
    <li
      ref={measure}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={total}
      className={`message-item status-${m.status}${m.urgency === 'urgent' ? ' urgent' : ''}`}
      data-message-id={m.id}
      data-status={m.status}
    >
      <div className="message-head">
        <strong>{m.box === 'received' ? t('messages.from', { name: m.fromName || m.fromExtension }) : t('messages.to', { name: m.toName || m.toExtension })}</strong>
        <span className="muted small"> · {format.moment(m.createdAt)}</span>
        {m.urgency === 'urgent' && <span className="urgent-badge">{t('messages.urgent')}</span>}
        <span className="message-status">{t(`messages.status.${m.status}`)}</span>
      </div>
      <div className="message-caller">
        {m.callerName}
        {m.organization && `, ${m.organization}`}
        {m.phone && ` · ${format.phone(m.phone)}`}
        {m.callBackAt !== null && ` · ${t('messages.callBack', { when: format.moment(m.callBackAt) })}`}
        {m.mood !== 'calm' && ` · ${t(`messages.${m.mood}`)}`}
      </div>
      <p className="message-text">{m.text}</p>
      {m.box === 'received' && (
        <div className="form-actions">
          {m.status === 'new' && (
            <button type="button" className="link-button" onClick={() => onMark('read')}>
              {t('messages.markRead')}
            </button>
          )}
          {(m.status === 'new' || m.status === 'read') && (
            <button type="button" className="link-button" onClick={() => onMark('called-back')}>
              {t('messages.markCalledBack')}
            </button>
          )}
          {m.status !== 'done' && (
            <button type="button" className="link-button" onClick={() => onMark('done')}>
              {t('messages.markDone')}
            </button>
          )}
          {m.phone && m.status !== 'done' && (
            <button
              type="button"
              className="link-button"
              onClick={() =>
                void runAction((api) =>
                  api.call('tasks.create', {
                    source: 'message',
                    name: m.callerName,
                    number: m.phone,
                    due: m.callBackAt !== null ? { at: m.callBackAt } : { urgency: m.urgency === 'urgent' ? 'hot' : 'warm' },
                    owner: m.toName,
                    note: m.text.slice(0, 200),
                    originId: m.id,
                  }),
                )
              }
            >
              {t('tasks.create')}
            </button>
          )}
          {m.status !== 'new' && <span className="muted small">{m.statusBy}</span>}
        </div>
      )}
    </li>
  );
}
