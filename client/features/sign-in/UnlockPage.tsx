import { Link } from 'react-router';
import { useIsUnlocked } from '../../session/useSession';
import { UnlockPanel } from './UnlockPanel';

/** `/unlock`: where "Locked — unlock" leads. */
export const UnlockPage = () =>
  useIsUnlocked() ? (
    <p role="status" data-testid="unlocked">
      Your keys are unlocked. <Link to="/">Continue</Link>
    </p>
  ) : (
    <UnlockPanel />
  );
