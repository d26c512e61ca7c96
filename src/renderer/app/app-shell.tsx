import { BarChart3, ClipboardCheck, Contact, History, MessageSquare, Settings as SettingsIcon, ShieldCheck, Users } from 'lucide-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { WrapUpForm } from '../calls/wrap-up-form.tsx';
import { CallsScreen } from '../calls/calls-screen.tsx';
import { MessagesScreen } from '../messages/messages-screen.tsx';
import { ColleaguesScreen } from '../colleagues/colleagues-screen.tsx';
import { useCoreQuery } from '../state/use-core-query.ts';
import { CallAnnouncer } from '../phone/call-announcer.tsx';
import { CallStage } from '../phone/call-stage.tsx';
import { useAppStore, type Screen } from '../state/app-store.ts';
import { AdminScreen, ContactsScreen, ScoringScreen, SettingsScreen, StatsScreen } from './lazy-screens.tsx';
import { Notices } from './notices.tsx';
import { TopBar } from './top-bar.tsx';
import { SetupGuide } from '../setup/setup-guide.tsx';

/** The screens, each with the catalogue key of its name. */
const nav = [
  { screen: 'calls', label: 'calls.nav', icon: History },
  { screen: 'messages', label: 'messages.nav', icon: MessageSquare },
  { screen: 'stats', label: 'stats.nav', icon: BarChart3 },
  { screen: 'scoring', label: 'scoring.nav', icon: ClipboardCheck },
  { screen: 'contacts', label: 'contacts.nav', icon: Users },
  { screen: 'colleagues', label: 'colleagues.nav', icon: Contact },
  { screen: 'settings', label: 'settingsScreen.nav', icon: SettingsIcon },
  { screen: 'admin', label: 'admin.nav', icon: ShieldCheck },
] as const satisfies readonly { screen: Screen; label: string; icon: typeof History }[];

export function AppShell() {
  const { t } = useTranslation();
  const screen = useAppStore((s) => s.screen);
  const show = useAppStore((s) => s.show);
  const connection = useAppStore((s) => s.connection);

  if (connection.status === 'fatal') {
    return <main className="fatal" role="alert">{connection.message}</main>;
  }
  return (
    <div className="shell">
      <TopBar />
      {connection.status !== 'connected' && (
        <div className="banner banner-warning" role="status">
          {connection.status === 'connecting' ? t('shell.connecting') : t('shell.reconnecting', { reason: connection.message ?? '' })}
        </div>
      )}
      <Notices />
      <CallAnnouncer />
      <SetupGuide />
      <div className="body">
        <nav className="nav" aria-label={t('shell.screens')}>
          {nav.map(({ screen: target, label, icon: Icon }) => (
            <button key={target} type="button" className={target === screen ? 'nav-item active' : 'nav-item'} aria-current={target === screen ? 'page' : undefined} onClick={() => show(target)}>
              <Icon size={18} aria-hidden /> {t(label)}
              {target === 'messages' && <UnreadBadge />}
            </button>
          ))}
        </nav>
        <main className="content">
          <LiveCalls />
          <WrapUpPrompt />
          {screen === 'calls' && <CallsScreen />}
          {screen === 'messages' && <MessagesScreen />}
          {screen === 'colleagues' && <ColleaguesScreen />}
          {/* Nothing shown while a screen's chunk loads (from this machine: a few ms); the calls above stay. */}
          <Suspense fallback={null}>
            {screen === 'contacts' && <ContactsScreen />}
            {screen === 'stats' && <StatsScreen />}
            {screen === 'scoring' && <ScoringScreen />}
            {screen === 'settings' && <SettingsScreen />}
            {screen === 'admin' && <AdminScreen />}
          </Suspense>
        </main>
      </div>
    </div>
  );
}

/** After an answered call ends: outcome and next step, now or later (the call shows "wrap-up pending"). */
function WrapUpPrompt() {
  const { t } = useTranslation();
  const call = useAppStore((s) => s.wrapUpCall);
  const live = useAppStore((s) => s.calls.some((c) => c.state !== 'ended'));
  if (!call || live) return null;
  const close = () => useAppStore.setState({ wrapUpCall: null });
  return <WrapUpForm key={call.id} callId={call.id} title={t('wrapUp.title', { name: call.name })} onDone={close} onLater={close} />;
}

/** Only this part re-renders on every ring: the screen below keeps its state and its cost. */
function LiveCalls() {
  const calls = useAppStore((s) => s.calls);
  return calls.length > 0 ? <CallStage calls={calls} /> : null;
}

/** Unread messages for this desk (R21: make sure they are seen). */
function UnreadBadge() {
  const { t } = useTranslation();
  const data = useCoreQuery('unread', 'messages', (api) => api.call('messages.list', { box: 'received', limit: 1 }));
  if (!data || data.unread === 0) return null;
  return (
    <span className="nav-badge" aria-label={t('shell.unread', { count: data.unread })} data-unread={data.unread}>
      {data.unread}
    </span>
  );
}
