import { NavLink } from 'react-router';
import { useSignedIn } from '../session/useSession';

/** Links to what the signed-in person's role may use, and nothing else. */
export const Navigation = () => {
  const session = useSignedIn();
  const isAdmin = session?.person.role === 'admin' && session.person.status === 'active';
  const readsStreams = session?.person.status === 'active' && session.person.role !== 'admin';
  return (
    <nav aria-label="Main">
      <NavLink to="/" end>
        Home
      </NavLink>
      {session ? (
        <>
          <NavLink to="/people">People</NavLink>
          <NavLink to="/log">Log</NavLink>
          <NavLink to="/verify">Verify</NavLink>
        </>
      ) : null}
      {readsStreams ? (
        <>
          <NavLink to="/dashboard">Dashboard</NavLink>
          <NavLink to="/cases">Cases</NavLink>
          <NavLink to="/threads">Threads</NavLink>
          <NavLink to="/search">Search</NavLink>
        </>
      ) : null}
      {isAdmin ? (
        <>
          <NavLink to="/admin/parties">Parties</NavLink>
          <NavLink to="/admin/invitations">Invitations</NavLink>
          <NavLink to="/admin/pending">Endorsements</NavLink>
          <NavLink to="/admin/people">Manage people</NavLink>
        </>
      ) : null}
    </nav>
  );
};
