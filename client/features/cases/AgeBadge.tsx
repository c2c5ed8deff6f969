import type { AgeView } from '../../entries/case-view';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';

/** The age computed in this browser from the encrypted birth date or estimate, and "has turned 18". */
export const AgeBadge = ({ age }: { age: AgeView }) => {
  const { t } = useT('cases-record');
  const format = useFormat();
  const years =
    age.min === age.max
      ? t('age.exact', { age: format.number(age.min) })
      : t('age.range', { min: format.number(age.min), max: format.number(age.max) });
  return (
    <span className="age" data-testid="case-age">
      {age.isEstimated ? t('age.estimated', { age: years }) : years}
      {age.hasTurned18 ? (
        <span className="badge turned-18" data-testid="turned-18">
          {t('age.turned18')}
        </span>
      ) : age.max >= 18 ? (
        <span className="badge possibly-minor">{t('age.mayHaveTurned18')}</span>
      ) : (
        <span className="badge minor">{t('age.minor')}</span>
      )}
    </span>
  );
};
