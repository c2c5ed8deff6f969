import { Link } from 'react-router';

/** Said where an action needs the person's keys and they are locked. */
export const LockedNotice = ({ action }: { action: string }) => (
  <p className="notice" role="status" data-testid="locked-notice">
    Your keys are locked: <Link to="/unlock">unlock them</Link> to {action}.
  </p>
);
