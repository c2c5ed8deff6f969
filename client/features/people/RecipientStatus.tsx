import type { RecipientCheck } from './useRecipientCheck';

/** Says whether sending to these recipients is allowed now, and if not, why, naming each person. */
export const RecipientStatus = ({ check }: { check: RecipientCheck }) => {
  if (check.status === 'loading') {
    return null;
  }
  if (check.status === 'locked') {
    return <p className="hint">Unlock your keys to see whether you can send to them.</p>;
  }
  if (check.status === 'error') {
    return (
      <p role="alert" className="error" data-testid="recipient-error">
        Sending is blocked: {check.message}
      </p>
    );
  }
  if (check.canSend) {
    return (
      <p className="ok" data-testid="recipient-ok">
        Sending is allowed{check.unverified.length > 0 ? ' (not verified yet: compare the safety number first)' : ''}.
      </p>
    );
  }
  return (
    <ul className="blocked" data-testid="recipient-blocked">
      {check.blocked.map((blocked) => (
        <li
          key={`${blocked.reason} ${blocked.personId}`}
          role="alert"
          className="error"
          data-testid={`recipient-blocked-${blocked.reason}`}
          data-person={blocked.personId}
        >
          {blocked.message}
        </li>
      ))}
    </ul>
  );
};
