import { formatName } from '../../entries/case-view';
import type { ContentView } from '../../entries/content-view';
import { AgreedMinutesContentView } from '../agreed-minutes/AgreedMinutesContentView';
import { AttachmentList } from '../attachments/AttachmentList';
import { CommitmentContentView, CommitmentUpdateContentView } from '../commitments/CommitmentContentView';
import { LetterView } from './LetterView';
import { ENTRY_TYPE_LABELS, EVIDENCE_KIND_LABELS } from './labels';
import { MinutesView } from './MinutesView';
import { StatusChangeView } from './StatusChangeView';

/** The decrypted content of one entry, laid out by type. */
export const EntryContentView = ({ content }: { content: ContentView }) => {
  switch (content.type) {
    case 'case_open':
      return (
        <div className="case-open">
          <p>
            Child record:{' '}
            <span data-testid="case-open-names">
              {content.names.length > 0 ? content.names.map(formatName).join(' · ') : 'name unknown'}
            </span>
          </p>
          <AttachmentList files={content.photos ?? []} />
        </div>
      );
    case 'thread_open':
      return (
        <p>
          Subject: <strong data-testid="thread-open-subject">{content.subject}</strong>
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
            Evidence ({EVIDENCE_KIND_LABELS[content.kind].toLowerCase()}): {content.summary}
          </p>
          <AttachmentList files={content.attachments} showImages />
        </div>
      );
    case 'amendment':
      return (
        <div className="amendment">
          <p>Reason: {content.reason}</p>
          <p className="hint">Replacement {ENTRY_TYPE_LABELS[content.replacement.type].toLowerCase()}:</p>
          <EntryContentView content={content.replacement} />
        </div>
      );
    case 'retraction':
      return <p>Retracted: {content.reason}</p>;
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
      return <p>Received{content.note ? `: ${content.note}` : '.'}</p>;
    case 'membership':
      return <p data-testid="membership-reason">{content.reason}</p>;
    case 'membership_consent':
      return <p data-testid="membership-consent">Consents for their party{content.note ? `: ${content.note}` : '.'}</p>;
    case 'disclosure':
      return (
        <p>
          Content keys of {content.grants.length} entr{content.grants.length === 1 ? 'y' : 'ies'} disclosed for:{' '}
          {content.purpose}
        </p>
      );
    default:
      return <pre className="content-json">{JSON.stringify(content, null, 2)}</pre>;
  }
};
