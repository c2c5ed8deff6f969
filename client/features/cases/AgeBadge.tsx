import type { AgeView } from '../../entries/case-view';

/** The age computed in this browser from the encrypted birth date or estimate, and "has turned 18". */
export const AgeBadge = ({ age }: { age: AgeView }) => (
  <span className="age" data-testid="case-age">
    {age.min === age.max ? `Age ${age.min}` : `Age ${age.min}–${age.max}`}
    {age.isEstimated ? ' (estimated)' : ''}
    {age.hasTurned18 ? (
      <span className="badge turned-18" data-testid="turned-18">
        Has turned 18
      </span>
    ) : age.max >= 18 ? (
      <span className="badge possibly-minor">May have turned 18: treated as a child</span>
    ) : (
      <span className="badge minor">Minor</span>
    )}
  </span>
);
