import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { currentDisplayFormat } from '../i18n/display-format.ts';
import { cancelTransfer, completeTransfer, takeBack } from './call-actions.ts';
import { callProblemText } from './call-presentation.ts';

/** A warm transfer under way: the caller waits on hold; put them through, or go back to them. */
export function HeldForTransferBanner({ call, consult }: { call: LiveCall; consult: LiveCall | undefined }) {
  const { t } = useTranslation();
  const name = call.card.contact?.name || call.displayName || currentDisplayFormat().phone(call.number);
  const warm = call.transferring?.kind === 'warm';
  return (
    <div className="held-banner" role="group" aria-label={t('callControls.heldForTransfer', { name, target: call.transferring?.target ?? '' })} data-call-id={call.id}>
      {warm ? <span>{t('callControls.heldForTransfer', { name, target: call.transferring?.target ?? '' })}</span> : <span className="error-text">{callProblemText(call)}</span>}
      {warm && (
        <button type="button" className="button button-primary" disabled={consult?.state !== 'active'} onClick={() => completeTransfer(call.id)}>
          {t('callControls.completeTransfer')}
        </button>
      )}
      <button type="button" className="button" onClick={() => (warm ? cancelTransfer(call.id) : takeBack(call.id))}>
        {warm ? t('callControls.backToCaller') : t('callControls.takeBack')}
      </button>
    </div>
  );
}
