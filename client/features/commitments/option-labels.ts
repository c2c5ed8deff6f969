import type { useT } from '../../i18n/useT';
import type { OptionLabels } from './commitment-form-options';

/**
 * The commitment form's option words from the catalogues: `t` must read `commitments` first and
 * `timeline` (entry types) too.
 */
export const optionLabels = (t: ReturnType<typeof useT>['t']): OptionLabels => ({
  minutes: (seq, title, version, standing) =>
    t('source.minutesOption', { seq, title, version, standing: t(`source.standing.${standing}`) }),
  entry: (seq, type, subject) => {
    const typeName = t(`timeline:entryType.${type}`);
    return subject === undefined
      ? t('source.entryOption', { seq, type: typeName })
      : t('source.noteOption', { seq, type: typeName, subject });
  },
});
