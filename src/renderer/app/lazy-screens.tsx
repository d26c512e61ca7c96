import { lazy } from 'react';

/**
 * The screens away from the phone, each in a chunk of its own loaded when first shown (with its
 * libraries: the charts of statistics and scoring), so an idle desk holds only the phone's code.
 * The calls, messages and colleagues screens and everything a ringing or live call shows stay in
 * the main chunk.
 */
export const StatsScreen = lazy(() => import('../stats/stats-screen.tsx').then((m) => ({ default: m.StatsScreen })));
export const ScoringScreen = lazy(() => import('../scoring/scoring-screen.tsx').then((m) => ({ default: m.ScoringScreen })));
export const ContactsScreen = lazy(() => import('../contacts/contacts-screen.tsx').then((m) => ({ default: m.ContactsScreen })));
export const SettingsScreen = lazy(() => import('../settings/settings-screen.tsx').then((m) => ({ default: m.SettingsScreen })));
export const AdminScreen = lazy(() => import('../admin/admin-screen.tsx').then((m) => ({ default: m.AdminScreen })));
