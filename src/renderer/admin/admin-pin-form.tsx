import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminStatus } from '../../shared/ipc/admin.ts';
import { OpenSetupGuideButton } from '../setup/open-setup-guide-button.tsx';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';

/**
 * Enter the admin PIN to unlock this window. With no PIN set, says how the office's admin sets
 * the first one — it is never claimed here (decision 0016).
 */
export function AdminPinForm({ status, onUnlocked }: { status: AdminStatus; onUnlocked(status: AdminStatus): void }) {
  return status.pinSet ? <EnterPin onUnlocked={onUnlocked} /> : <NoPinYet firstPinOpen={status.firstPinOpen} />;
}

/** A shell command: the same in every language. */
const SET_PIN_COMMAND = 'npm run set-admin-pin -- --data-dir';

function NoPinYet({ firstPinOpen }: { firstPinOpen: boolean }) {
  const { t } = useTranslation();
  const dataDir = useAppStore((s) => s.settings?.dataDir ?? '');
  return (
    <div className="no-admin-pin" data-admin-pin="not-set">
      <p>{t('adminPin.notSet')}</p>
      {firstPinOpen && (
        <p>
          {t('adminPin.inGuide')} <OpenSetupGuideButton variant="link" />
        </p>
      )}
      <p>{firstPinOpen ? t('adminPin.orByCommand') : t('adminPin.byCommand')}</p>
      <pre className="command-line">
        <code>{`${SET_PIN_COMMAND} "${dataDir}"`}</code>
      </pre>
    </div>
  );
}

function EnterPin({ onUnlocked }: { onUnlocked(status: AdminStatus): void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4,12}$/.test(pin)) {
      setProblem(t('adminPin.digits'));
      return;
    }
    setProblem(null);
    const status = await runAction((api) => api.call('admin.unlock', { pin }));
    setPin('');
    if (status) onUnlocked(status);
  };
  return (
    <form className="pin-form" onSubmit={(e) => void submit(e)}>
      <p>{t('adminPin.enter')}</p>
      <label className="field">
        {t('adminPin.pin')}
        <input type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 12))} autoFocus />
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('adminPin.unlock')}
        </button>
      </div>
    </form>
  );
}
