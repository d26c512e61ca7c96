import { useTranslation } from 'react-i18next';
import { ResponsiveContainer } from 'recharts';
import { downloadCsv } from './csv-download.ts';

/** A chart where a picture reads faster than a number, always with its table and a CSV of it. */
export function ChartCard(props: { title: string; csvName: string; columns: string[]; rows: (string | number)[][]; children: React.ReactElement }) {
  const { t } = useTranslation();
  return (
    <section className="chart-card" aria-label={props.title}>
      <div className="chart-head">
        <h3>{props.title}</h3>
        <button type="button" className="link-button" onClick={() => downloadCsv(props.csvName, [props.columns, ...props.rows])}>
          {t('stats.csv')}
        </button>
      </div>
      <div className="chart-box">
        <ResponsiveContainer width="100%" height={220}>
          {props.children}
        </ResponsiveContainer>
      </div>
      <table className="table chart-table">
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={i}>
              {row.map((value, j) => (
                <td key={j}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
