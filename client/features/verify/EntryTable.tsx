import { useT } from '../../i18n/useT';
import { shortHash } from '../timeline/labels';
import { ENTRY_CHECKS, type EntryRow, streamLabels } from './entry-rows';
import { ProofStateBadge } from './ProofState';

const EntryRowView = ({
  row,
  names,
  streams,
}: {
  row: EntryRow;
  names: ReadonlyMap<string, string>;
  streams: ReadonlyMap<string, string>;
}) => {
  const { t } = useT(['verify', 'timeline']);
  const { header } = row;
  const isFailing = row.failures.length > 0;
  return (
    <tr
      data-testid="verify-entry"
      data-leaf={row.leafIndex}
      data-state={isFailing ? 'invalid' : 'valid'}
      className={isFailing ? 'verify-failing' : undefined}
    >
      <td data-testid="verify-entry-position">
        {header
          ? t('entryTable.stream', {
              kind: t(`kind.${header.streamKind}`),
              stream: streams.get(header.stream) ?? shortHash(header.stream),
              seq: header.seq,
            })
          : '—'}
        <div className="hint">{t('entryTable.leaf', { leaf: row.leafIndex })}</div>
      </td>
      <td data-testid="verify-entry-type">
        {header ? t(`timeline:entryType.${header.type}`) : t('entryTable.unreadableHeader')}
      </td>
      <td data-testid="verify-entry-author">
        {header ? (names.get(header.author.person) ?? header.author.person) : '—'}
        {header ? <div className="hint">{t('entryTable.key', { key: shortHash(header.author.keyId) })}</div> : null}
      </td>
      {ENTRY_CHECKS.map((name) => {
        const check = row.checks[name];
        return (
          <td key={name}>
            <ProofStateBadge
              state={check.state}
              reasons={check.state === 'invalid' ? check.reasons : []}
              testId={`verify-check-${name}`}
            />
          </td>
        );
      })}
      <td data-testid="verify-entry-reasons">
        {row.failures.length > 0 ? (
          <ul className="verify-reasons">
            {row.failures.map((failure) => (
              <li key={`${failure.subject} ${failure.reason}`}>{failure.reason}</li>
            ))}
          </ul>
        ) : (
          <span className="ok">{t('entryTable.allPass')}</span>
        )}
      </td>
    </tr>
  );
};

/** Every entry of the bundle with each of its checks, failing ones named with their reasons. */
export const EntryTable = ({ rows, names }: { rows: readonly EntryRow[]; names: ReadonlyMap<string, string> }) => {
  const { t } = useT('verify');
  const streams = streamLabels(rows);
  return rows.length === 0 ? (
    <p data-testid="verify-no-entries">{t('entryTable.none')}</p>
  ) : (
    <div className="verify-table-scroll">
      <table data-testid="verify-entries">
        <thead>
          <tr>
            <th scope="col">{t('entryTable.position')}</th>
            <th scope="col">{t('entryTable.type')}</th>
            <th scope="col">{t('entryTable.author')}</th>
            {ENTRY_CHECKS.map((name) => (
              <th scope="col" key={name}>
                {t(`check.${name}`)}
              </th>
            ))}
            <th scope="col">{t('entryTable.why')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <EntryRowView key={row.subject} row={row} names={names} streams={streams} />
          ))}
        </tbody>
      </table>
    </div>
  );
};
