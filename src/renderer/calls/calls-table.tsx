import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallRecord } from '../../shared/ipc/calls.ts';
import { useVirtualRows } from '../app/use-virtual-rows.ts';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { formatDuration } from '../phone/call-presentation.ts';
import { dial } from '../phone/call-actions.ts';
import { CallRecordings } from '../recordings/recording-player.tsx';
import { StageTimes } from '../scripts/stage-times.tsx';
import { runAction } from '../core/core-connection.ts';
import { secondsText } from './seconds-text.ts';
import { WrapUpForm } from './wrap-up-form.tsx';

const COLUMNS = 9;

/**
 * The call history: only the calls in view are rendered (a day of calls must not grow the tab).
 * Each call is its own <tbody>, so its opened player, wrap-up or stage times are measured with it.
 */
export function CallsTable({ calls }: { calls: CallRecord[] }) {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const [open, setOpen] = useState<string | null>(null);
  const [wrapping, setWrapping] = useState<string | null>(null);
  const [stagesOf, setStagesOf] = useState<string | null>(null);
  const { scroller, items, before, after, measure, onKeyDown } = useVirtualRows({ count: calls.length, estimateSize: 58, key: (i) => calls[i]?.id ?? String(i) });

  return (
    <div className="list-scroller" ref={scroller} tabIndex={0} onKeyDown={onKeyDown} aria-label={t('calls.title')}>
      <table className="table calls-table" aria-rowcount={calls.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('calls.time')}</th>
            <th scope="col">{t('calls.caller')}</th>
            <th scope="col">{t('calls.status')}</th>
            <th scope="col">{t('calls.rings')}</th>
            <th scope="col">{t('calls.answeredAfter')}</th>
            <th scope="col">{t('calls.hungUp')}</th>
            <th scope="col">{t('calls.talkTime')}</th>
            <th scope="col">{t('calls.recording')}</th>
            <th scope="col">{t('calls.result')}</th>
          </tr>
        </thead>
        {before > 0 && <Spacer height={before} />}
        {items.map((item) => {
          const c = calls[item.index];
          if (!c) return null;
          return (
            <tbody key={item.key} data-index={item.index} ref={measure}>
              <CallRow
                call={c}
                rowIndex={item.index + 2}
                open={open === c.id}
                wrapping={wrapping === c.id}
                stagesShown={stagesOf === c.id}
                onOpen={() => setOpen(open === c.id ? null : c.id)}
                onWrap={() => setWrapping(wrapping === c.id ? null : c.id)}
                onStages={() => setStagesOf(stagesOf === c.id ? null : c.id)}
              />
              {wrapping === c.id && (
                <tr className="player-row">
                  <td colSpan={COLUMNS}>
                    <WrapUpForm callId={c.id} title={t('wrapUp.title', { name: c.contactName || c.remoteDisplayName || format.phone(c.remoteE164 ?? c.remoteNumber) })} onDone={() => setWrapping(null)} />
                  </td>
                </tr>
              )}
              {stagesOf === c.id && (
                <tr className="player-row">
                  <td colSpan={COLUMNS}>
                    <StageTimes callId={c.id} endedAt={c.endedAt} />
                  </td>
                </tr>
              )}
              {open === c.id && (
                <tr className="player-row">
                  <td colSpan={COLUMNS}>
                    <CallRecordings callId={c.id} />
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
        {after > 0 && <Spacer height={after} />}
      </table>
    </div>
  );
}

/** Room for the calls not rendered, so the scroll bar stays true to the whole list. */
function Spacer({ height }: { height: number }) {
  return (
    <tbody aria-hidden className="list-spacer">
      <tr>
        <td colSpan={COLUMNS} style={{ height }} />
      </tr>
    </tbody>
  );
}

interface CallRowProps {
  call: CallRecord;
  rowIndex: number;
  open: boolean;
  wrapping: boolean;
  stagesShown: boolean;
  onOpen(): void;
  onWrap(): void;
  onStages(): void;
}

function CallRow({ call: c, rowIndex, open, wrapping, stagesShown, onOpen, onWrap, onStages }: CallRowProps) {
  const { t, i18n } = useTranslation();
  const format = useDisplayFormat();
  const seconds = (ms: number) => secondsText(t, i18n.language, ms);
  return (
    <tr className={c.status === 'missed' ? 'row-missed' : undefined} data-call-id={c.id} aria-rowindex={rowIndex}>
      <td>{format.moment(c.inviteAt)}</td>
      <td>
        <div>
          {c.contactName || c.remoteDisplayName || format.phone(c.remoteE164 ?? c.remoteNumber)}
          {c.practice && <span className="practice-badge">{t('practice.listBadge')}</span>}
        </div>
        <div className="muted small">
          {format.phone(c.remoteE164 ?? c.remoteNumber)}{' '}
          {c.remoteNumber && !c.practice && (
            <button type="button" className="link-button" onClick={() => dial(c.remoteE164 ?? c.remoteNumber)}>
              {t('dial.callBack')}
            </button>
          )}
          {c.status === 'missed' && !c.practice && (
            <button
              type="button"
              className="link-button"
              onClick={() =>
                void runAction((api) =>
                  api.call('tasks.create', { source: 'missed-call', name: c.contactName || c.remoteDisplayName, number: c.remoteE164 ?? c.remoteNumber, due: { urgency: 'warm' }, owner: '', note: '', originId: c.id }),
                )
              }
            >
              {t('tasks.create')}
            </button>
          )}
        </div>
      </td>
      <td className={`status status-${c.status}`}>{t(`calls.statuses.${c.status}`)}{c.autoAnswered ? ` ${t('calls.auto')}` : ''}</td>
      <td data-column="rings">{c.rings}</td>
      <td>{c.answerMs !== null ? seconds(c.answerMs) : '—'}</td>
      <td>{c.endedBy ? t(`calls.endedBy.${c.endedBy}`) : '—'}</td>
      <td>{c.durationMs !== null ? formatDuration(c.durationMs) : '—'}</td>
      <td data-column="recording">
        {c.recordings.count > 0 ? (
          <button type="button" className="link-button" aria-expanded={open} onClick={onOpen}>
            {open ? t('calls.close') : t('calls.listen')}
          </button>
        ) : (
          '—'
        )}
        {c.recordings.recovered && <span className="recovered" title={t('calls.recoveredTitle')}> {t('calls.recovered')}</span>}
      </td>
      <td data-column="result" data-furthest-stage={c.furthestStage ?? undefined}>
        {c.outcome ? t(`outcome.${c.outcome}`) : c.wrapUpPending ? (
          <button type="button" className="link-button pending" aria-expanded={wrapping} onClick={onWrap}>
            {t('wrapUp.pending')}
          </button>
        ) : (
          '—'
        )}
        {c.furthestStage && (
          <div>
            <button type="button" className="link-button small" aria-expanded={stagesShown} onClick={onStages}>
              {t('stageTimes.show')}
            </button>
          </div>
        )}
        {c.nextStep.at !== null && <div className="muted small">{t('calls.next', { when: format.moment(c.nextStep.at) })}{c.nextStep.who ? ` · ${c.nextStep.who}` : ''}</div>}
      </td>
    </tr>
  );
}
