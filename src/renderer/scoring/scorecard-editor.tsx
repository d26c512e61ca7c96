import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scorecardSchema, type Scorecard, type ScorecardItem } from '../../shared/scoring/scorecard.ts';
import { useAppStore } from '../state/app-store.ts';
import { corePeer } from '../core/core-connection.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { errorText } from '../i18n/error-text.ts';

/**
 * Admin: the office's scorecard (R29) — items, points and whether they are serious errors (R32).
 * An item's rule id stays in the data for the docs, never on screen: the item's text says what it means.
 */
export function ScorecardEditor({ onLocked }: { onLocked(): void }) {
  const { t } = useTranslation();
  const current = useCoreQuery('scorecard', 'scores', (api) => api.call('scoring.card', {}));
  if (!current) return null;
  return (
    <section className="admin-panel" aria-labelledby="scorecard-title">
      <h3 id="scorecard-title">{t('scoring.cardTitle')}</h3>
      <p className="muted">{current.shipped ? t('scoring.cardShipped') : t('scoring.cardOwn')}</p>
      <CardForm key={JSON.stringify(current.card)} initial={current.card} shipped={current.shipped} onLocked={onLocked} />
    </section>
  );
}

function CardForm({ initial, shipped, onLocked }: { initial: Scorecard; shipped: boolean; onLocked(): void }) {
  const { t } = useTranslation();
  const pushNotice = useAppStore((s) => s.pushNotice);
  const [card, setCard] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const setItem = (index: number, patch: Partial<ScorecardItem>) => setCard((c) => ({ ...c, items: c.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) }));
  const move = (index: number, by: -1 | 1) =>
    setCard((c) => {
      const items = [...c.items];
      const [item] = items.splice(index, 1);
      if (item) items.splice(index + by, 0, item);
      return { ...c, items };
    });
  const addItem = () =>
    setCard((c) => {
      let n = c.items.length + 1;
      while (c.items.some((i) => i.id === `item-${n}`)) n += 1;
      return { ...c, items: [...c.items, { id: `item-${n}`, rule: '', text: '', points: 1, critical: false, signal: null }] };
    });
  /** Admin calls: a lock that expired sends the admin back to the PIN; other refusals show here. */
  const run = async (action: 'save' | 'reset') => {
    const api = corePeer();
    if (!api) return;
    setProblem(null);
    try {
      if (action === 'save') {
        const checked = scorecardSchema.safeParse(card);
        if (!checked.success) {
          setProblem(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
          return;
        }
        await api.call('scoring.saveCard', { card: checked.data });
      } else {
        await api.call('scoring.resetCard', {});
      }
      pushNotice('info', t('scoring.cardSaved'));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'admin-locked' || code === 'admin-no-pin') return onLocked();
      setProblem(errorText(error));
    }
  };
  return (
    <form className="scorecard-editor" aria-label={t('scoring.cardTitle')} onSubmit={(e) => (e.preventDefault(), void run('save'))}>
      <label className="field">
        {t('scoring.cardName')}
        <input value={card.name} maxLength={100} onChange={(e) => setCard((c) => ({ ...c, name: e.target.value }))} />
      </label>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('scoring.itemText')}</th>
            <th scope="col">{t('scoring.itemPoints')}</th>
            <th scope="col">{t('scoring.itemCritical')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {card.items.map((item, i) => (
            <tr key={item.id} data-item={item.id}>
              <td>
                <textarea aria-label={t('scoring.itemText')} className="wide-input" rows={3} maxLength={300} value={item.text} onChange={(e) => setItem(i, { text: e.target.value })} />
              </td>
              <td>
                <input aria-label={t('scoring.itemPoints')} className="points-input" type="number" min={0} max={10} value={item.points} onChange={(e) => setItem(i, { points: Math.max(0, Math.min(10, Math.round(Number(e.target.value) || 0))) })} />
              </td>
              <td>
                <input aria-label={t('scoring.itemCritical')} type="checkbox" checked={item.critical} onChange={(e) => setItem(i, { critical: e.target.checked })} />
              </td>
              <td className="row-actions">
                <button type="button" className="icon-button" aria-label={t('scoring.moveUp')} title={t('scoring.moveUp')} disabled={i === 0} onClick={() => move(i, -1)}>
                  <ArrowUp size={16} aria-hidden />
                </button>
                <button type="button" className="icon-button" aria-label={t('scoring.moveDown')} title={t('scoring.moveDown')} disabled={i === card.items.length - 1} onClick={() => move(i, 1)}>
                  <ArrowDown size={16} aria-hidden />
                </button>
                <button type="button" className="icon-button" aria-label={t('scoring.removeItem')} title={t('scoring.removeItem')} onClick={() => setCard((c) => ({ ...c, items: c.items.filter((_, j) => j !== i) }))}>
                  <Trash2 size={16} aria-hidden />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem && <p className="form-problem" role="alert">{problem}</p>}
      <div className="form-actions">
        <button type="button" className="button" onClick={addItem}>
          {t('scoring.addItem')}
        </button>
        <button type="submit" className="button button-primary">
          {t('scoring.saveCard')}
        </button>
        {!shipped && (
          <button type="button" className="button" onClick={() => void run('reset')}>
            {t('scoring.resetCard')}
          </button>
        )}
      </div>
    </form>
  );
}
