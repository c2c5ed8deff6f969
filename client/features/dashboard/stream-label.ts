import type { useT } from '../../i18n/useT';
import type { StreamLabel } from './dashboard-view';

/** A dashboard row's stream in words, from the `dashboard` catalogue. */
export const streamLabelText = (t: ReturnType<typeof useT>['t'], label: StreamLabel): string => {
  switch (label.kind) {
    case 'case':
      return t('stream.case', { reference: label.reference });
    case 'thread':
      return t('stream.thread', { subject: label.subject ?? t('stream.subjectUnreadable') });
    case 'unknown':
      return t('stream.unknown', { id: label.id });
  }
};
