import { useTranslation } from 'react-i18next';
import { stageTimes } from '../../shared/scripts/call-progress.ts';
import { formatDuration } from '../phone/call-presentation.ts';
import { useAppStore } from '../state/app-store.ts';
import { useCoreQuery } from '../state/use-core-query.ts';

/** How long the call spent in each stage of its script, in the script's order, and how far it got. */
export function StageTimes({ callId, endedAt }: { callId: string; endedAt: number | null }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.settings?.settings.script.locale ?? 'en');
  const data = useCoreQuery(`stages:${callId}:${locale}`, 'calls', async (api) => {
    const progress = await api.call('scripts.progress', { callId });
    const script = progress ? await api.call('scripts.get', { id: progress.scriptId, locale }) : null;
    return { progress, script };
  });
  if (!data) return null;
  const { progress, script } = data;
  if (!progress) return <p className="muted">{t('stageTimes.none')}</p>;
  // A call that ended in a stage spent the time up to its end there.
  const times = stageTimes(progress, endedAt ?? progress.enteredAt);
  const title = (id: string) => script?.stages.find((s) => s.id === id)?.title ?? id;
  const order = script ? script.stages.map((s) => s.id).filter((id) => id in times) : Object.keys(times);
  return (
    <section className="stage-times" aria-label={t('stageTimes.title')}>
      <h4>{t('stageTimes.title')}</h4>
      <ol>
        {order.map((id) => (
          <li key={id} data-stage-id={id} className={id === progress.furthestStage ? 'furthest' : undefined}>
            <span>{title(id)}</span> <span className="muted">{formatDuration(times[id] ?? 0)}</span>
          </li>
        ))}
      </ol>
      <p className="muted small">{t('stageTimes.furthest', { stage: title(progress.furthestStage) })}</p>
    </section>
  );
}
