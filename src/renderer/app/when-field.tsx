import { useTranslation } from 'react-i18next';
import { uiLanguageSchema } from '../../shared/ipc/settings.ts';
import { missingCaseError } from '../../shared/logger.ts';
import { dayChoices, dayLabel, defaultTimeFor, msToWhen, timeChoices, timeLabel, whenToMs, type DayChoice } from '../../shared/text/when-choices.ts';
import { useNow } from './top-bar.tsx';

/**
 * When a next step or a call-back is due: a day of the next two weeks and a time of the working
 * day, both named in the screen's language (a native date input would follow the browser's locale).
 * Optional: "Not set" is the first day choice. The value is ms since the epoch in the office's time.
 */
export function WhenField({ label, value, onChange }: { label: string; value: number | null; onChange(ms: number | null): void }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguageSchema.catch('en').parse(i18n.language);
  const now = useNow(60_000);
  const chosen = value === null ? null : msToWhen(value);
  const days = dayChoices(now, language);
  const times = timeChoices(language);
  // A moment the form already holds outside the lists (a day gone by, an odd minute) stays shown and choosable.
  const dayOptions: DayChoice[] =
    chosen && !days.some((d) => d.key === chosen.day) ? [{ key: chosen.day, name: 'later', label: dayLabel(chosen.day, language) }, ...days] : days;
  const timeOptions =
    chosen && !times.some((c) => c.key === chosen.time)
      ? [...times, { key: chosen.time, label: timeLabel(chosen.time, language) }].sort((a, b) => a.key.localeCompare(b.key))
      : times;
  const dayText = (day: DayChoice): string => {
    switch (day.name) {
      case 'today':
        return t('whenField.today', { date: day.label });
      case 'tomorrow':
        return t('whenField.tomorrow', { date: day.label });
      case 'later':
        return day.label;
      default:
        throw missingCaseError(day.name);
    }
  };

  return (
    <fieldset className="field when-field">
      <legend>{label}</legend>
      <div className="when-field-choices">
        <select
          aria-label={t('whenField.day')}
          value={chosen?.day ?? ''}
          onChange={(e) => {
            const day = e.target.value;
            onChange(day ? whenToMs(day, chosen?.time ?? defaultTimeFor(day, now)) : null);
          }}
        >
          <option value="">{t('whenField.notSet')}</option>
          {dayOptions.map((day) => (
            <option key={day.key} value={day.key}>{dayText(day)}</option>
          ))}
        </select>
        <select
          aria-label={t('whenField.time')}
          value={chosen?.time ?? ''}
          disabled={!chosen}
          onChange={(e) => chosen && onChange(whenToMs(chosen.day, e.target.value))}
        >
          {!chosen && <option value="">—</option>}
          {timeOptions.map((time) => (
            <option key={time.key} value={time.key}>{time.label}</option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
