import { X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { missingCaseError } from '../../shared/logger.ts';
import type { SettingsView } from '../../shared/ipc/settings.ts';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';
import { startPracticeCall } from '../phone/call-actions.ts';
import { useSetupGuide } from './setup-guide-store.ts';
import { neighbourStep, stepsFor, type SetupStep } from './setup-steps.ts';
import { SETUP_STEP_FORM } from './setup-step-form.ts';
import { StepAboutYou } from './step-about-you.tsx';
import { StepAdminPin } from './step-admin-pin.tsx';
import { StepAudio } from './step-audio.tsx';
import { StepLanguageRegion } from './step-language-region.tsx';
import { StepPhoneSystem } from './step-phone-system.tsx';

/**
 * The first-run set-up guide: opens by itself once on a fresh desk, and from the top bar or
 * Settings later. Out of the way while a call is on (the call needs the screen).
 */
export function SetupGuide() {
  const view = useAppStore((s) => s.settings);
  const onCall = useAppStore((s) => s.calls.some((c) => c.state !== 'ended'));
  const { open, openByItself } = useSetupGuide();
  const pending = view?.settings.setupGuide === 'pending';
  useEffect(() => {
    if (pending) openByItself();
  }, [pending, openByItself]);
  if (!open || onCall || !view) return null;
  return <SetupDialog view={view} />;
}

function SetupDialog({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const { step, goTo, close } = useSetupGuide();
  // Which steps there are is fixed when the guide opens: setting the PIN must not pull its step away.
  const [steps, setSteps] = useState<SetupStep[] | null>(null);
  useEffect(() => {
    void runAction((api) => api.call('admin.status', {})).then((status) => setSteps(stepsFor(status?.firstPinOpen ?? false)));
  }, []);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const leave = (outcome: 'completed' | 'skipped') => {
    // Skipping a guide gone through before leaves it as it was.
    if (outcome === 'completed' || view.settings.setupGuide === 'pending') void runAction((api) => api.call('settings.update', { setupGuide: outcome }));
    close();
  };
  const next = () => {
    const after = steps && neighbourStep(steps, step, 1);
    if (after) goTo(after);
    else leave('completed');
  };
  const previous = steps && neighbourStep(steps, step, -1);
  const last = steps !== null && steps.at(-1) === step;
  const practice = () => {
    leave('completed');
    startPracticeCall();
  };

  return (
    <dialog
      ref={dialog}
      className="setup-guide"
      aria-labelledby="setup-title"
      onCancel={(e) => {
        e.preventDefault();
        leave('skipped');
      }}
    >
      <header className="setup-header">
        <div>
          <h2 id="setup-title">{t('setup.title')}</h2>
          {steps && <p className="muted small">{t('setup.stepOf', { step: steps.indexOf(step) + 1, count: steps.length })}</p>}
        </div>
        <button type="button" className="button" onClick={() => leave('skipped')}>
          <X size={16} aria-hidden /> {t('setup.skip')}
        </button>
      </header>
      {steps === null ? (
        <p className="muted">{t('shell.loading')}</p>
      ) : (
        <>
          <h3 className="setup-step-title">{t(`setup.steps.${step}`)}</h3>
          <StepBody step={step} view={view} next={next} />
          <footer className="setup-footer">
            {previous && (
              <button type="button" className="button" onClick={() => goTo(previous)}>
                {t('setup.back')}
              </button>
            )}
            <span className="setup-footer-gap" />
            {last ? (
              <>
                <button type="button" className="button" onClick={practice}>
                  {t('setup.practiceFirst')}
                </button>
                <button type="button" className="button button-primary" onClick={() => leave('completed')}>
                  {t('setup.finish')}
                </button>
              </>
            ) : (
              <>
                <button type="button" className="button" onClick={next}>
                  {t('setup.later')}
                </button>
                <button type="submit" form={SETUP_STEP_FORM} className="button button-primary">
                  {t('setup.next')}
                </button>
              </>
            )}
          </footer>
        </>
      )}
    </dialog>
  );
}

function StepBody({ step, view, next }: { step: SetupStep; view: SettingsView; next(): void }) {
  switch (step) {
    case 'about':
      return <StepAboutYou key={step} settings={view.settings} next={next} />;
    case 'language':
      return <StepLanguageRegion key={step} settings={view.settings} next={next} />;
    case 'audio':
      return <StepAudio key={step} settings={view.settings} next={next} />;
    case 'adminPin':
      return <StepAdminPin key={step} next={next} />;
    case 'phoneSystem':
      return <StepPhoneSystem key={step} settings={view.settings} hasPassword={view.hasPassword} />;
    default:
      throw missingCaseError(step);
  }
}
