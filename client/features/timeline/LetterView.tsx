import type { ContentView } from '../../entries/content-view';
import { useT } from '../../i18n/useT';
import { AttachmentList } from '../attachments/AttachmentList';

type Written = Extract<ContentView, { type: 'letter' | 'note_verbale' | 'aide_memoire' | 'non_paper' }>;

/** A letter, note verbale, aide-mémoire or non-paper, as its author wrote it. */
export const LetterView = ({ content }: { content: Written }) => {
  const { t } = useT('timeline');
  return (
    <article className="letter" data-testid="letter">
      <h3 data-testid="letter-subject">{content.subject}</h3>
      {content.type === 'note_verbale' ? (
        <p className="hint">
          {t('noteNumber', { number: content.number })}
          {content.reference ? ` (${content.reference})` : ''}
        </p>
      ) : null}
      {content.type === 'non_paper' ? <p className="hint">{t('nonPaper')}</p> : null}
      {'salutation' in content && content.salutation ? <p>{content.salutation}</p> : null}
      <div className="letter-body" data-testid="letter-body">
        {content.body}
      </div>
      {content.type === 'letter' && content.closing ? <p>{content.closing}</p> : null}
      <AttachmentList files={content.attachments} showImages />
    </article>
  );
};
