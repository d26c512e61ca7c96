import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { ClientCardPanel } from '../contacts/client-card-panel.tsx';
import { currentDisplayFormat } from '../i18n/display-format.ts';
import { ScriptPanel } from '../scripts/script-panel.tsx';
import { answer, decline, hangUp } from './call-actions.ts';
import { CallPanel } from './call-panel.tsx';
import { callerName } from './call-presentation.ts';
import { isTyping } from '../app/is-typing.ts';
import { HandoffNoteCard } from './handoff-note-card.tsx';
import { HeldForTransferBanner } from './held-for-transfer-banner.tsx';
import { isHeldHere, primaryCall } from './primary-call.ts';

/**
 * The live call takes the top of the screen: the call bar (with any waiting or held call above it)
 * stays in view while the rest scrolls; below it the script is the main column and the caller's
 * card sits beside it. Before the answer there is no script, and the card takes the room.
 */
export function CallStage({ calls }: { calls: LiveCall[] }) {
  const { t } = useTranslation();
  const primary = primaryCall(calls);
  const waiting = calls.filter((c) => c.state === 'ringing' && c !== primary);
  const held = calls.filter((c) => c !== primary && c.state === 'active' && isHeldHere(c));

  useEffect(() => {
    if (!primary) return;
    const onKey = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if (primary.state === 'ringing' && ((event.key === 'Enter' && !isTyping(event.target)) || (event.altKey && key === 'a'))) {
        event.preventDefault();
        answer(primary.id);
      } else if (primary.state === 'ringing' && event.altKey && key === 'd') {
        event.preventDefault();
        decline(primary.id);
      } else if ((primary.state === 'active' || primary.state === 'answering' || primary.state === 'dialing') && event.altKey && key === 'h') {
        event.preventDefault();
        hangUp(primary.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [primary]);

  if (!primary) return null;
  return (
    <section className="call-stage" aria-label={t('callPanel.region')}>
      <div className="call-bar">
        {waiting.map((call) => (
          <div key={call.id} className="waiting-banner" role="alert" data-call-id={call.id}>
            <strong>{t('callPanel.waiting')}</strong> {callerName(call)} <span className="muted">{currentDisplayFormat().phone(call.number)}</span>
            <span className="muted">{t('callPanel.waitingRing', { ring: call.ring })}</span>
            <button type="button" className="button button-decline" onClick={() => decline(call.id)}>
              {t('callPanel.decline')}
            </button>
          </div>
        ))}
        {held.map((call) => (
          <HeldForTransferBanner key={call.id} call={call} consult={calls.find((c) => c.consultFor === call.id && c.state !== 'ended')} />
        ))}
        <CallPanel call={primary} />
      </div>
      <div className="call-workspace">
        <div className="call-main">
          <HandoffNoteCard call={primary} />
          {(primary.state === 'active' || primary.state === 'ended') && primary.answeredAt !== null && <ScriptPanel key={`script-${primary.id}`} call={primary} />}
        </div>
        <ClientCardPanel key={primary.id} call={primary} />
      </div>
    </section>
  );
}
