import { useTranslation } from 'react-i18next';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { useCoreQuery } from '../state/use-core-query.ts';

const DAYS = 7;

/** INVITEs refused before they rang (lines busy, a flooding source, gone at once): counted here, never calls. */
export function RefusedTrafficPanel() {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const traffic = useCoreQuery('refused', 'calls', (api) => api.call('admin.refusedTraffic', { days: DAYS }));
  return (
    <section className="admin-panel" aria-labelledby="refused-title">
      <h3 id="refused-title">{t('admin.refused.title')}</h3>
      <p className="hint">{t('admin.refused.intro')}</p>
      {traffic === null || traffic.reasons.length === 0 ? (
        <p className="muted">{t('admin.refused.nothing')}</p>
      ) : (
        <table className="table refused-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.refused.reason')}</th>
              <th scope="col">{t('admin.refused.count')}</th>
              <th scope="col">{t('admin.refused.last')}</th>
              <th scope="col">{t('admin.refused.source')}</th>
            </tr>
          </thead>
          <tbody>
            {traffic.reasons.map((r) => (
              <tr key={r.reason}>
                <td>{t(`admin.refused.reasons.${r.reason}`)}</td>
                <td>{format.number(r.count)}</td>
                <td>{format.moment(r.lastAt)}</td>
                <td className="small">{r.lastSource}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
