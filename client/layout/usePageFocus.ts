import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * After a page change (not the first load), focus moves to the new page's main region and its
 * heading is announced, so that a screen-reader or keyboard user is not left on the old link.
 */
export const usePageFocus = () => {
  const { pathname } = useLocation();
  const first = useRef(true);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('content');
    main?.focus({ preventScroll: false });
    // The heading may render a moment later (pages fetch first); read it once the page settles.
    const timer = window.setTimeout(() => {
      const heading = main?.querySelector('h1')?.textContent?.trim() ?? document.title;
      setAnnouncement(heading);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [pathname]);
  return announcement;
};
