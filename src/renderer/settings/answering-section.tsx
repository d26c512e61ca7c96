import { useTranslation } from 'react-i18next';
import { MAX_RING_TIMEOUT_S, type RingPolicy } from '../../shared/ipc/settings.ts';
import { ringsHeard } from '../../shared/phone/ring-cadence.ts';
import { i18n } from '../i18n/i18n.ts';
import { answerOptions, formatSeconds, RECOMMENDED_ANSWER_RING } from './ring-timing.ts';
import { SecondsField } from './seconds-field.tsx';

interface Props {
  values: RingPolicy;
  onChange(values: RingPolicy): void;
}

/** How a call rings at this desk and whether Ringside picks it up: in seconds and rings, said back in plain words. */
export function AnsweringSection({ values, onChange }: Props) {
  const { t } = useTranslation();
  const seconds = (ms: number) => formatSeconds(ms, i18n.language);
  const set = (patch: Partial<RingPolicy>) => onChange({ ...values, ...patch });
  const cadence = { onMs: values.ringOnMs, offMs: values.ringOffMs };
  const options = answerOptions(cadence);
  const chosen = options.find((o) => o.ring === values.answerOnRing);
  return (
    <>
      <label className="field field-wide">
        {t('settingsScreen.answerByItself')}
        <select value={values.answerOnRing ?? 'off'} aria-describedby="answer-recommended" onChange={(e) => set({ answerOnRing: e.target.value === 'off' ? null : Number(e.target.value) })}>
          <option value="off">{t('settingsScreen.answerOff')}</option>
          {options.map((o) => (
            <option key={o.ring} value={o.ring}>
              {t('settingsScreen.answerAtRing', { ring: o.ring, seconds: seconds(o.afterMs) })}
              {o.recommended ? t('settingsScreen.recommended') : ''}
            </option>
          ))}
        </select>
        <span id="answer-recommended" className="muted small">
          {t('settingsScreen.recommendedHint', { ring: RECOMMENDED_ANSWER_RING })}
        </span>
      </label>
      <SecondsField label={t('settingsScreen.ringOn')} ms={values.ringOnMs} minMs={200} maxMs={10_000} onChange={(ringOnMs) => set({ ringOnMs })} />
      <SecondsField label={t('settingsScreen.ringOff')} ms={values.ringOffMs} minMs={0} maxMs={20_000} onChange={(ringOffMs) => set({ ringOffMs })} />
      <label className="field">
        {t('settingsScreen.ringTimeout')}
        <input type="number" min={10} max={MAX_RING_TIMEOUT_S} step={5} value={values.ringTimeoutSeconds} onChange={(e) => set({ ringTimeoutSeconds: Number(e.target.value) })} />
      </label>
      <label className="field">
        {t('settingsScreen.lines')}
        <input type="number" min={1} max={8} value={values.maxLines} onChange={(e) => set({ maxLines: Number(e.target.value) })} />
      </label>
      <p className="ring-summary field-wide" aria-live="polite">
        {t('settingsScreen.ringSummary', { on: seconds(values.ringOnMs), off: seconds(values.ringOffMs) })}{' '}
        {chosen ? t('settingsScreen.answerSummary', { ring: chosen.ring, seconds: seconds(chosen.afterMs) }) : t('settingsScreen.answerSummaryOff')}{' '}
        {t('settingsScreen.timeoutSummary', { seconds: values.ringTimeoutSeconds, ring: ringsHeard(cadence, values.ringTimeoutSeconds * 1000) })}
      </p>
    </>
  );
}
