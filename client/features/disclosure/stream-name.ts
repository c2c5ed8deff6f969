import type { useT } from '../../i18n/useT';
import type { StreamName } from './disclosure-view';

/**
 * A stream's name in words, from the `disclosure` catalogue: `of` where a sentence says "the
 * entries of …" (Ukrainian and Russian decline it), `name` where it stands alone.
 */
export const streamName = (t: ReturnType<typeof useT>['t'], name: StreamName, form: 'of' | 'name'): string =>
  name.kind === 'case'
    ? t(`stream.${form}.case`, { reference: name.reference })
    : t(`stream.${form}.thread`, { subject: name.subject ?? t('stream.subjectUnreadable') });
