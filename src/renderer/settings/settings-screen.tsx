import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch, SettingsView, UiLanguage } from '../../shared/ipc/settings.ts';
import { missingCaseError } from '../../shared/logger.ts';
import { SectionNav } from '../app/section-nav.tsx';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';
import { OpenSetupGuideButton } from '../setup/open-setup-guide-button.tsx';
import { AnsweringSection } from './answering-section.tsx';
import { CallbacksSection } from './callbacks-section.tsx';
import { DevicesSection } from './devices-section.tsx';
import { LanguageSection } from './language-section.tsx';
import { OfficeSection } from './office-section.tsx';
import { PbxSection } from './pbx-section.tsx';
import { SectionForm } from './section-form.tsx';
import { isUnsaved, sectionPatch, settingsSections, storedValues, type SectionEdits, type SectionValues, type SettingsSection } from './settings-sections.ts';

export function SettingsScreen() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.settings);
  if (!view) return <p className="muted">{t('settingsScreen.loading')}</p>;
  return <SettingsSections view={view} />;
}

/** Settings in sections: each its own form and Save; edits wait in their section while the person looks at another. */
function SettingsSections({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const section = useAppStore((s) => s.settingsSection);
  const showSettings = useAppStore((s) => s.showSettings);
  const [edits, setEdits] = useState<SectionEdits>({});
  const [password, setPassword] = useState('');
  const [saved, setSaved] = useState<SettingsSection | null>(null);
  const stored = view.settings;

  const unsaved = (s: SettingsSection) => isUnsaved(s, edits, stored) || (s === 'pbx' && password !== '');
  const valuesOf = <S extends SettingsSection>(s: S): SectionValues[S] => edits[s] ?? storedValues(s, stored);
  const edit =
    <S extends SettingsSection>(s: S) =>
    (values: SectionValues[S]) => {
      setEdits((e) => ({ ...e, [s]: values }));
      setSaved(null);
    };
  const update = async (patch: SettingsPatch) => {
    const next = await runAction((api) => api.call('settings.update', patch));
    if (next) useAppStore.getState().setSettings(next);
    return next;
  };
  const save = async (s: SettingsSection) => {
    if (!(await update(sectionPatch(s, valuesOf(s))))) return;
    if (s === 'pbx' && password !== '') {
      const next = await runAction((api) => api.call('settings.setPassword', { password }));
      if (!next) return;
      useAppStore.getState().setSettings(next);
      setPassword('');
    }
    setEdits(({ [s]: _saved, ...rest }) => rest);
    setSaved(s);
  };
  // The language is saved as it is chosen, so the screens change at once.
  const chooseLanguage = (language: UiLanguage) => void update({ language });

  const form = (s: SettingsSection, fields: React.ReactNode) => (
    <SectionForm key={s} section={s} unsaved={unsaved(s)} saved={saved === s} onSave={() => void save(s)}>
      {fields}
    </SectionForm>
  );
  const body = (s: SettingsSection) => {
    switch (s) {
      case 'language':
        return form(s, <LanguageSection language={stored.language} onLanguage={chooseLanguage} values={valuesOf(s)} onChange={edit(s)} />);
      case 'office':
        return form(s, <OfficeSection values={valuesOf(s)} onChange={edit(s)} />);
      case 'pbx':
        return form(s, <PbxSection values={valuesOf(s)} onChange={edit(s)} password={password} onPassword={setPassword} hasPassword={view.hasPassword} />);
      case 'answering':
        return form(s, <AnsweringSection values={valuesOf(s)} onChange={edit(s)} />);
      case 'devices':
        return form(s, <DevicesSection values={valuesOf(s)} onChange={edit(s)} />);
      case 'callbacks':
        return form(s, <CallbacksSection values={valuesOf(s)} onChange={edit(s)} />);
      default:
        throw missingCaseError(s);
    }
  };

  return (
    <section className="screen" aria-labelledby="settings-title">
      <div className="screen-header">
        <h2 id="settings-title">{t('settingsScreen.title')}</h2>
        <OpenSetupGuideButton />
      </div>
      <div className="sectioned">
        <SectionNav label={t('settingsScreen.sections')} sections={settingsSections} current={section} nameOf={(s) => t(`settingsScreen.section.${s}`)} unsaved={unsaved} onChoose={showSettings} />
        <div className="section-body">
          {body(section)}
          <p className="muted small">{t('settingsScreen.dataFolder', { dir: view.dataDir })}</p>
          <p className="muted small">{t('settingsScreen.adminHint')}</p>
        </div>
      </div>
    </section>
  );
}
