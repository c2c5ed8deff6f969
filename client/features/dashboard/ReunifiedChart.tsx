import { useId } from 'react';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';

const BAR = 28;
const GAP = 8;
const HEIGHT = 120;
const LABEL = 36;

/**
 * Reunifications per ISO week as an SVG bar chart (attributes only: the CSP allows no inline
 * styles), described for assistive technology by its title and by the table of the same figures.
 */
export const ReunifiedChart = ({ weeks }: { weeks: readonly { readonly week: string; readonly count: number }[] }) => {
  const { t } = useT('dashboard');
  const { number } = useFormat();
  const titleId = useId();
  const total = weeks.reduce((sum, item) => sum + item.count, 0);
  const highest = Math.max(1, ...weeks.map((item) => item.count));
  const width = Math.max(1, weeks.length) * (BAR + GAP) + GAP;
  return (
    <section className="panel" aria-labelledby="reunified-title" data-testid="reunified-chart">
      <h2 id="reunified-title">{t('chart.heading', { count: number(total) })}</h2>
      {weeks.length === 0 ? (
        <p className="hint" data-testid="reunified-none">
          {t('chart.none')}
        </p>
      ) : (
        <>
          <svg
            className="bar-chart"
            role="img"
            aria-labelledby={titleId}
            viewBox={`0 0 ${width} ${HEIGHT + LABEL}`}
            width={width}
            height={HEIGHT + LABEL}
          >
            <title id={titleId}>
              {t('chart.title', { weeks: weeks.map((item) => `${item.week}: ${number(item.count)}`).join('; ') })}
            </title>
            {weeks.map((item, index) => {
              const height = (item.count / highest) * (HEIGHT - 16);
              const x = GAP + index * (BAR + GAP);
              return (
                <g key={item.week} data-testid="reunified-bar" data-week={item.week} data-count={item.count}>
                  <rect className="bar" x={x} y={HEIGHT - height} width={BAR} height={height} />
                  <text className="bar-value" x={x + BAR / 2} y={HEIGHT - height - 4} textAnchor="middle">
                    {item.count}
                  </text>
                  <text className="bar-label" x={x + BAR / 2} y={HEIGHT + 14} textAnchor="middle">
                    {item.week.slice(5)}
                  </text>
                  <text className="bar-label" x={x + BAR / 2} y={HEIGHT + 28} textAnchor="middle">
                    {item.week.slice(2, 4)}
                  </text>
                </g>
              );
            })}
          </svg>
          <table className="dashboard-table chart-data">
            <caption>{t('chart.figures')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.week')}</th>
                <th scope="col">{t('chart.reunified')}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((item) => (
                <tr key={item.week} data-testid="reunified-week" data-week={item.week}>
                  <th scope="row">{item.week}</th>
                  <td>{number(item.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
};
