import { create } from 'zustand';
import { setupSteps, type SetupStep } from './setup-steps.ts';

interface SetupGuideStore {
  open: boolean;
  /** The step on screen; kept here so a call that hides the guide does not lose the place. */
  step: SetupStep;
  /** Opened by itself once per page on a fresh desk, not again after it was closed. */
  autoOpened: boolean;
  openGuide(): void;
  openByItself(): void;
  goTo(step: SetupStep): void;
  close(): void;
}

export const useSetupGuide = create<SetupGuideStore>()((set) => ({
  open: false,
  step: setupSteps[0],
  autoOpened: false,
  openGuide: () => set({ open: true, step: setupSteps[0] }),
  openByItself: () => set((s) => (s.autoOpened ? s : { open: true, autoOpened: true, step: setupSteps[0] })),
  goTo: (step) => set({ step }),
  close: () => set({ open: false, autoOpened: true }),
}));
