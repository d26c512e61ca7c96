import type { ReactNode } from 'react';

/** The quiet "Saved." beside a form's button: announced to screen readers, gone once the form changes again. */
export function DoneStatus({ shown, children }: { shown: boolean; children: ReactNode }) {
  return shown ? (
    <span role="status" className="ok-text">
      {children}
    </span>
  ) : null;
}
