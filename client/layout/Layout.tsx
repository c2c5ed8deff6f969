import { NavLink, Outlet } from 'react-router';

/** The frame every screen slots into: masthead, navigation, content. */
export const Layout = () => (
  <div className="app">
    <header className="masthead">
      <span className="brand">Parley</span>
      <nav aria-label="Main">
        <NavLink to="/" end>
          Home
        </NavLink>
      </nav>
    </header>
    <main>
      <Outlet />
    </main>
  </div>
);
