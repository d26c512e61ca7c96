/** What went wrong, shown in place: a refused script file can have a long list the admin needs to read. */
export interface Problem {
  title: string;
  lines: string[];
}

export function ProblemList({ problem }: { problem: Problem }) {
  return (
    <div className="error-text script-problems" role="alert">
      <strong>{problem.title}</strong>
      <ul>
        {problem.lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
