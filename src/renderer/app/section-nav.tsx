import { useTranslation } from 'react-i18next';

interface Props<S extends string> {
  /** The navigation's accessible name ("Settings sections"). */
  label: string;
  sections: readonly S[];
  current: S;
  nameOf(section: S): string;
  onChoose(section: S): void;
  /** Sections with edits not saved yet get a mark (Settings; Admin's panels keep their own). */
  unsaved?(section: S): boolean;
}

/** A screen's own sub-navigation: one section shown at a time, the one on screen marked. */
export function SectionNav<S extends string>({ label, sections, current, nameOf, onChoose, unsaved }: Props<S>) {
  const { t } = useTranslation();
  return (
    <nav className="section-nav" aria-label={label}>
      {sections.map((section) => (
        <button
          key={section}
          type="button"
          className={section === current ? 'section-nav-item active' : 'section-nav-item'}
          aria-current={section === current ? 'true' : undefined}
          data-section={section}
          onClick={() => onChoose(section)}
        >
          {nameOf(section)}
          {unsaved?.(section) && (
            <span className="unsaved-mark" title={t('settingsScreen.unsaved')}>
              <span aria-hidden>●</span>
              <span className="visually-hidden">{t('settingsScreen.unsaved')}</span>
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
