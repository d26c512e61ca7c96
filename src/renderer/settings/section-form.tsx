import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DoneStatus } from '../app/done-status.tsx';
import type { SettingsSection } from './settings-sections.ts';

interface Props {
  section: SettingsSection;
  unsaved: boolean;
  /** Saved since it was last changed: the quiet "Saved." */
  saved: boolean;
  onSave(): void;
  children: ReactNode;
}

/** One section of Settings: its heading, what it is for, its fields and its own Save. */
export function SectionForm({ section, unsaved, saved, onSave, children }: Props) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave();
  };
  return (
    <form className="settings-form" data-section={section} aria-labelledby={`settings-${section}-title`} aria-describedby={`settings-${section}-about`} onSubmit={submit}>
      <h3 id={`settings-${section}-title`}>{t(`settingsScreen.section.${section}`)}</h3>
      <p id={`settings-${section}-about`} className="muted section-about">
        {t(`settingsScreen.about.${section}`)}
      </p>
      <div className="settings-fields">{children}</div>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('settingsScreen.save')}
        </button>
        {unsaved ? <span className="unsaved-text">{t('settingsScreen.unsavedChanges')}</span> : <DoneStatus shown={saved}>{t('settingsScreen.saved')}</DoneStatus>}
      </div>
    </form>
  );
}
