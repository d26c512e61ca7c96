/**
 * A button's words that change with its state (Hold → Taking back… → Resume) without changing its
 * width: every choice takes the same grid cell and only the current one is seen and read. A button
 * that grew or shrank moved Hang up to the other row of the call bar under the pointer, and a
 * click meant for Hang up, right after Resume, hit nothing.
 */
export function SteadyLabel({ current, choices }: { current: string; choices: readonly string[] }) {
  return (
    <span className="steady-label">
      {choices.map((choice) => (
        <span key={choice} aria-hidden={choice === current ? undefined : true}>
          {choice}
        </span>
      ))}
    </span>
  );
}
