import { useTranslation } from 'react-i18next';
import type { CallbackPolicy } from '../../shared/calls/callback-due.ts';

interface Props {
  values: CallbackPolicy;
  onChange(values: CallbackPolicy): void;
}

/** When a call-back is due, by how warm the lead is. */
export function CallbacksSection({ values, onChange }: Props) {
  const { t } = useTranslation();
  const fields = [
    ['hotMinutes', 1, 240],
    ['warmMinutes', 1, 1440],
    ['coldHour', 0, 23],
    ['promiseMinutes', 1, 240],
  ] as const;
  return (
    <>
      {fields.map(([key, min, max]) => (
        <label key={key} className="field">
          {t(`settingsScreen.${key}`)}
          <input type="number" min={min} max={max} value={values[key]} onChange={(e) => onChange({ ...values, [key]: Number(e.target.value) })} />
        </label>
      ))}
    </>
  );
}
