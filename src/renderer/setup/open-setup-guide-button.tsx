import { useTranslation } from 'react-i18next';
import { useSetupGuide } from './setup-guide-store.ts';

/** Opens the set-up guide again (from Settings, the top bar's "Not set up", Admin without a PIN). */
export function OpenSetupGuideButton({ variant = 'button' }: { variant?: 'button' | 'link' }) {
  const { t } = useTranslation();
  const openGuide = useSetupGuide((s) => s.openGuide);
  return (
    <button type="button" className={variant === 'link' ? 'link-button' : 'button'} onClick={openGuide}>
      {t('setup.open')}
    </button>
  );
}
