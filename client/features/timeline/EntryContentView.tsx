import { formatName } from '../../entries/case-view';
import type { ContentView } from '../../entries/content-view';
import { useT } from '../../i18n/useT';
import { AgreedMinutesContentView } from '../agreed-minutes/AgreedMinutesContentView';
import { AttachmentList } from '../attachments/AttachmentList';
import { CommitmentContentView, CommitmentUpdateContentView } from '../commitments/CommitmentContentView';
import { LetterView } from './LetterView';
import { MinutesView } from './MinutesView';
import { StatusChangeView } from './StatusChangeView';

/** The decrypted content of one entry, laid out by type. */
export const EntryContentView = ({ content }: { content: ContentView }) => {
  const { t, i18n } = useT(['timeline-views', 'timeline']);
  const lower = (text: string) => text.toLocaleLowerCase(i18n.language);
  switch (content.type) {
    case 'case_open':
      return (
        <div className="case-open">
          <p>
            {t('childRecord')}{' '}
            <span data-testid="case-open-names">
              {content.names.length > 0 ? content.names.map(formatName).join(' · ') : t('nameUnknown')}
            </span>
          </p>
          <AttachmentList files={content.photos ?? []} />
        </div>
      );
    case 'thread_open':
      return (
        <p>
          {t('subject')} <strong data-testid="thread-open-subject">{content.subject}</strong>
          {content.partiesNote ? ` — ${content.partiesNote}` : ''}
        </p>
      );
    case 'status_change':
      return <StatusChangeView content={content} />;
    case 'letter':
    case 'note_verbale':
    case 'aide_memoire':
    case 'non_paper':
      return <LetterView content={content} />;
    case 'minutes':
      return <MinutesView content={content} />;
    case 'evidence':
      return (
        <div>
          <p>
            {t('evidence', { kind: lower(t(`evidenceKind.${content.kind}`)) })} {content.summary}
          </p>
          <AttachmentList files={content.attachments} showImages />
        </div>
      );
    case 'amendment':
      return (
        <div className="amendment">
          <p>
            {t('reason')} {content.reason}
          </p>
          <p className="hint">
            {t('replacement', { type: lower(t(`timeline:entryType.${content.replacement.type}`)) })}
          </p>
          <EntryContentView content={content.replacement} />
        </div>
      );
    case 'retraction':
      return (
        <p>
          {t('retracted')} {content.reason}
        </p>
      );
    case 'dispute':
      return (
        <div>
          <ul>
            {content.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          {content.counterClaim ? <p className="letter-body">{content.counterClaim}</p> : null}
          <AttachmentList files={content.evidence.attachments} />
        </div>
      );
    case 'agreed_minutes':
      return <AgreedMinutesContentView content={content} />;
    case 'countersignature':
      return content.statement ? <p>{content.statement}</p> : null;
    case 'commitment':
      return <CommitmentContentView content={content} />;
    case 'commitment_update':
      return <CommitmentUpdateContentView content={content} />;
    case 'acknowledgement':
      return <p>{content.note ? t('receivedWithNote', { note: content.note }) : t('received')}</p>;
    case 'membership':
      return <p data-testid="membership-reason">{content.reason}</p>;
    case 'membership_consent':
      return (
        <p data-testid="membership-consent">
          {content.note ? t('consentsWithNote', { note: content.note }) : t('consents')}
        </p>
      );
    case 'disclosure':
      return (
        <p>
          {t('disclosed', { count: content.grants.length })} {content.purpose}
        </p>
      );
    default:
      return <pre className="content-json">{JSON.stringify(content, null, 2)}</pre>;
  }
};
