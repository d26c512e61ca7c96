import { useTranslation } from 'react-i18next';
import { useNow } from '../app/top-bar.tsx';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { runAction } from '../core/core-connection.ts';
import { callBack } from '../phone/call-actions.ts';
import { useCoreQuery } from '../state/use-core-query.ts';

const WEEKDAY_SPAN_MS = 6 * 86_400_000;

/** Call-backs waiting (R19, R22, R27): overdue and due first, one click to call back. */
export function CallbackTasksPanel() {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const now = useNow(30_000);
  const tasks = useCoreQuery('tasks-open', 'tasks', (api) => api.call('tasks.open', {}));
  if (!tasks) return null;
  return (
    <section className="tasks-panel" aria-labelledby="tasks-title">
      <h3 id="tasks-title">{t('tasks.title')}</h3>
      {tasks.length === 0 ? (
        <p className="muted">{t('tasks.none')}</p>
      ) : (
        <ul>
          {tasks.map((task) => {
            const overdue = task.dueAt <= now;
            // A weekday names a day only within the week around today; further off, the date.
            const when = format.moment(task.dueAt, Math.abs(task.dueAt - now) < WEEKDAY_SPAN_MS ? 'weekday-time' : 'date-time');
            return (
              <li key={task.id} className={overdue ? 'task overdue' : 'task'} data-task-id={task.id} data-overdue={overdue}>
                <span className="task-who">
                  <strong>{task.name || format.phone(task.number)}</strong> <span className="muted">{format.phone(task.number)}</span>
                </span>
                <span className={overdue ? 'task-due error-text' : 'task-due muted'}>{overdue ? t('tasks.overdue', { when }) : t('tasks.due', { when })}</span>
                <span className="muted small">
                  {t(`tasks.source.${task.source}`)}
                  {task.owner && ` · ${t('tasks.owner', { owner: task.owner })}`}
                  {task.note && ` · ${task.note}`}
                </span>
                <button type="button" className="button button-answer" onClick={() => callBack(task.id)}>
                  {t('tasks.callBack')}
                </button>
                <button type="button" className="link-button" onClick={() => void runAction((api) => api.call('tasks.complete', { taskId: task.id }))}>
                  {t('tasks.done')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
