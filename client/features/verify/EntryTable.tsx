import { ENTRY_TYPE_LABELS, shortHash } from '../timeline/labels';
import { ENTRY_CHECKS, type EntryCheckName, type EntryRow, streamLabels } from './entry-rows';
import { ProofStateBadge } from './ProofState';

const CHECK_LABELS: Readonly<Record<EntryCheckName, string>> = {
  signature: 'Signature',
  key: 'Key valid then',
  chain: 'Chain',
  inclusion: 'Inclusion',
  record: 'Record',
};

const EntryRowView = ({
  row,
  names,
  streams,
}: {
  row: EntryRow;
  names: ReadonlyMap<string, string>;
  streams: ReadonlyMap<string, string>;
}) => {
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
          ? `${streams.get(header.stream) ?? `${header.streamKind} ${shortHash(header.stream)}`} #${header.seq}`
          : '—'}
        <div className="hint">leaf {row.leafIndex}</div>
      </td>
      <td data-testid="verify-entry-type">{header ? ENTRY_TYPE_LABELS[header.type] : 'unreadable header'}</td>
      <td data-testid="verify-entry-author">
        {header ? (names.get(header.author.person) ?? header.author.person) : '—'}
        {header ? <div className="hint">key {shortHash(header.author.keyId)}</div> : null}
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
          <span className="ok">all checks pass</span>
        )}
      </td>
    </tr>
  );
};

/** Every entry of the bundle with each of its checks, failing ones named with their reasons. */
export const EntryTable = ({ rows, names }: { rows: readonly EntryRow[]; names: ReadonlyMap<string, string> }) => {
  const streams = streamLabels(rows);
  return rows.length === 0 ? (
    <p data-testid="verify-no-entries">The bundle carries no entries.</p>
  ) : (
    <div className="verify-table-scroll">
      <table data-testid="verify-entries">
        <thead>
          <tr>
            <th scope="col">Stream / seq</th>
            <th scope="col">Type</th>
            <th scope="col">Author</th>
            {ENTRY_CHECKS.map((name) => (
              <th scope="col" key={name}>
                {CHECK_LABELS[name]}
              </th>
            ))}
            <th scope="col">Why</th>
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
