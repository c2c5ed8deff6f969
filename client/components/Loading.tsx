/** A busy state that screen readers announce. */
export const Loading = ({ what = 'Loading' }: { what?: string }) => (
  <p role="status" className="hint">
    {what}…
  </p>
);
