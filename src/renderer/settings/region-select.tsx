import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { regionOptions } from './region-options.ts';

/** The country of the office's numbers, chosen by name in the window's language (stored as its two-letter code). */
export function RegionSelect({ id, value, onChange, describedBy }: { id: string; value: string; onChange(region: string): void; describedBy: string }) {
  const { i18n } = useTranslation();
  const regions = useMemo(() => regionOptions(i18n.language), [i18n.language]);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}>
      {regions.map((r) => (
        <option key={r.code} value={r.code}>
          {r.name}
        </option>
      ))}
    </select>
  );
}
