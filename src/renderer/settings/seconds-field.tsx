import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n.ts';
import { formatSeconds, parseSecondsToMs } from './ring-timing.ts';

interface Props {
  label: string;
  /** The stored value, in milliseconds. */
  ms: number;
  minMs: number;
  maxMs: number;
  onChange(ms: number): void;
}

/** A length of time typed in seconds ("1.5" or "1,5") for a setting kept in milliseconds. */
export function SecondsField({ label, ms, minMs, maxMs, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatSeconds(ms, i18n.language));
  // A value set elsewhere (a save, another window) replaces the text unless the text already says it.
  const [shownMs, setShownMs] = useState(ms);
  if (ms !== shownMs) {
    setShownMs(ms);
    if (parseSecondsToMs(text) !== ms) setText(formatSeconds(ms, i18n.language));
  }
  const typedMs = parseSecondsToMs(text);
  const problem = typedMs === null || typedMs < minMs || typedMs > maxMs ? t('settingsScreen.secondsRange', { min: formatSeconds(minMs, i18n.language), max: formatSeconds(maxMs, i18n.language) }) : '';
  // The form's own validation then keeps Save from sending a value the field does not show.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.setCustomValidity(problem), [problem]);
  return (
    <label className="field">
      {label}
      <span className="seconds-input">
        <input
          inputMode="decimal"
          value={text}
          aria-invalid={problem !== ''}
          ref={input}
          onChange={(e) => {
            setText(e.target.value);
            const next = parseSecondsToMs(e.target.value);
            if (next !== null && next >= minMs && next <= maxMs) onChange(next);
          }}
        />
        <span aria-hidden>{t('settingsScreen.secondsUnit')}</span>
      </span>
    </label>
  );
}
