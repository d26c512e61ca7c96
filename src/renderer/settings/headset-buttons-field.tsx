import { useTranslation } from 'react-i18next';
import { chooseHeadset } from '../headset/headset-buttons.ts';
import { useAppStore } from '../state/app-store.ts';

/** The headset whose call buttons work the phone (WebHID), chosen once. */
export function HeadsetButtonsField() {
  const { t } = useTranslation();
  const headset = useAppStore((s) => s.headset);
  const status = !headset.supported ? t('settingsScreen.headsetButtonsUnsupported') : headset.name ? t('settingsScreen.headsetButtonsUsing', { name: headset.name }) : t('settingsScreen.headsetButtonsNone');
  return (
    <div className="field headset-buttons">
      <span>{t('settingsScreen.headsetButtons')}</span>
      <span role="status" className="headset-status">
        {status}
      </span>
      {headset.supported && (
        <button type="button" className="button" onClick={chooseHeadset}>
          {headset.name ? t('settingsScreen.headsetChooseOther') : t('settingsScreen.headsetChoose')}
        </button>
      )}
      <span className="muted small">{t('settingsScreen.headsetButtonsHint')}</span>
    </div>
  );
}
