import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store.ts';
import { callAnnouncement } from './call-announcement.ts';

/**
 * Live regions for a screen reader: a ringing call is an alert, said at once; answering, hold and
 * hang-up are statuses, said when the reader is free. Both regions are always in the page, as
 * readers announce changes only to regions they already know.
 */
export function CallAnnouncer() {
  const { t } = useTranslation();
  const calls = useAppStore((s) => s.calls);
  const announcement = callAnnouncement(calls);
  const text = announcement ? t(`callAnnouncement.${announcement.kind}`, { name: announcement.name }) : '';
  const ringing = announcement?.kind === 'ringing';
  return (
    <>
      <div className="visually-hidden" role="alert" data-announcer="alert">
        {ringing ? text : ''}
      </div>
      <div className="visually-hidden" role="status" data-announcer="status">
        {ringing ? '' : text}
      </div>
    </>
  );
}
