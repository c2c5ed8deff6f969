/**
 * The histories of test/vectors/directory-v1.json, each written to show one rule of
 * docs/PROTOCOL.md §7 (the generator refuses a step whose outcome is not the intended one). Run
 * generate-directory-vectors.ts, never this module.
 */
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import { authority, BOOTSTRAP, type DirectoryCase, history, type Step } from './generate-directory-history';

/** Two parties, each with its root admin who enrols its own envoy. */
const twoRoots = (step: Step) => {
  step('adminA', BOOTSTRAP, [{ name: 'adminA' }], 'accepted', 'the first admin of party A: its root');
  step('envoyA', authority('adminA'), [{ name: 'envoyA' }, { name: 'adminA' }], 'accepted', 'A enrols its envoy');
  step('adminB', BOOTSTRAP, [{ name: 'adminB' }], 'accepted', 'the first admin of party B: its root');
  step('envoyB', authority('adminB'), [{ name: 'envoyB' }, { name: 'adminB' }], 'accepted', 'B enrols its envoy');
};

export const crossPartyCases = (): DirectoryCase[] => {
  const roots = history(
    'party-roots',
    "Each party's root admin enrols and revokes its own people; a person rotates alone.",
  );
  twoRoots(roots.step);
  roots.step(
    'envoyB',
    { kind: 'rotate' },
    [{ name: 'envoyB' }, { name: 'envoyB', generation: 1 }],
    'accepted',
    'B’s envoy rotates',
    1,
  );
  roots.step(
    'envoyA',
    { kind: 'revoke', ...authority('adminA') },
    [{ name: 'adminA' }],
    'accepted',
    'A revokes its envoy',
  );
  const enrol = history('cross-party-enrol', 'An admin of party A enrols a person into party B: refused.');
  twoRoots(enrol.step);
  enrol.step(
    'intruderB',
    authority('adminA'),
    [{ name: 'intruderB' }, { name: 'adminA' }],
    'refused',
    'A’s admin enrols into B',
  );
  const endorse = history('cross-party-endorse', "An admin of party A endorses party B's envoy: refused.");
  twoRoots(endorse.step);
  endorse.step(
    'envoyB',
    { kind: 'endorse', ...authority('adminA') },
    [{ name: 'adminA' }],
    'refused',
    'A’s admin endorses B’s envoy',
  );
  const rotate = history(
    'cross-party-rotate',
    "An admin of party A rotates party B's envoy to keys it holds: refused, with or without naming itself.",
  );
  twoRoots(rotate.step);
  const seized = [{ name: 'adminA' }, { name: 'envoyB', generation: 1 }] as const;
  rotate.step(
    'envoyB',
    { kind: 'rotate', ...authority('adminA') },
    seized,
    'refused',
    'naming A’s admin as authority',
    1,
  );
  rotate.step('envoyB', { kind: 'rotate' }, seized, 'refused', 'signed by A’s admin instead of the envoy’s key', 1);
  const revoke = history('cross-party-revoke', "An admin of party A revokes party B's envoy: refused.");
  twoRoots(revoke.step);
  revoke.step(
    'envoyB',
    { kind: 'revoke', ...authority('adminA') },
    [{ name: 'adminA' }],
    'refused',
    'A’s admin revokes B’s envoy',
  );
  const forged = history(
    'altered-after-signing',
    'An enrolment whose name was changed after both signed it: refused, neither signature verifies.',
  );
  twoRoots(forged.step);
  const renamed = (signed: SignedKeyStatement) => ({
    ...signed,
    statement: { ...signed.statement, name: 'Someone else' },
  });
  forged.step(
    'staffA',
    authority('adminA'),
    [{ name: 'staffA' }, { name: 'adminA' }],
    'refused',
    'renamed after signing',
    0,
    renamed,
  );
  const second = history(
    'second-bootstrap',
    'The command line bootstraps a second admin into a party that has a root (refused), and the root of a new party (accepted).',
  );
  twoRoots(second.step);
  second.step('adminB2', BOOTSTRAP, [{ name: 'adminB2' }], 'refused', 'a second root for B');
  second.step('adminC', BOOTSTRAP, [{ name: 'adminC' }], 'accepted', 'the root of new party C');
  second.step(
    'envoyC',
    authority('adminC'),
    [{ name: 'envoyC' }, { name: 'adminC' }],
    'accepted',
    'C enrols its envoy',
  );
  return [roots, enrol, endorse, rotate, revoke, forged, second].map((item) => item.done());
};

export const thresholdCase = (): DirectoryCase => {
  const { step, done } = history(
    'threshold',
    "Party A sets a threshold of 2: an enrolment needs a second admin's signature, and no more.",
  );
  step('adminA', BOOTSTRAP, [{ name: 'adminA' }], 'accepted', 'root of A');
  step('adminA2', authority('adminA'), [{ name: 'adminA2' }, { name: 'adminA' }], 'accepted', 'a second admin of A');
  step(
    'adminA',
    { kind: 'policy', threshold: 2 },
    [{ name: 'adminA' }],
    'accepted',
    'threshold 2, signed under threshold 1',
  );
  step(
    'envoyA',
    authority('adminA'),
    [{ name: 'envoyA' }, { name: 'adminA' }],
    'refused',
    'threshold unmet: one admin',
  );
  step(
    'envoyA',
    authority('adminA'),
    [{ name: 'envoyA' }, { name: 'adminA' }, { name: 'adminA2' }],
    'accepted',
    'threshold met: two admins',
  );
  step(
    'staffA',
    authority('adminA'),
    [{ name: 'staffA' }, { name: 'adminA' }, { name: 'adminA2' }, { name: 'envoyA' }],
    'refused',
    'an extra signature',
  );
  return done();
};

/** The start of both legacy cases: party A's earliest admin and its envoy. */
const legacyHistory = (step: Step) => {
  step('adminA', BOOTSTRAP, [{ name: 'adminA' }], 'accepted', 'root of A (its earliest admin)');
  step('envoyA', authority('adminA'), [{ name: 'envoyA' }, { name: 'adminA' }], 'accepted', 'A enrols its envoy');
};

export const legacyCases = (): DirectoryCase[] => {
  const below = history(
    'legacy-below-boundary',
    'A deployment upgraded at position 5: what the old rules allowed below the boundary is accepted and marked, the party-root rules apply from it.',
    5,
  );
  legacyHistory(below.step);
  below.step(
    'envoyB',
    authority('adminA'),
    [{ name: 'envoyB' }, { name: 'adminA' }],
    'accepted',
    'legacy: A’s admin enrolled B’s envoy (not endorsed along B’s chain)',
  );
  below.step(
    'adminA2',
    BOOTSTRAP,
    [{ name: 'adminA2' }],
    'accepted',
    'legacy: a second operator admin for A (not its root, not endorsed)',
  );
  below.step(
    'envoyB',
    { kind: 'endorse', ...authority('adminA') },
    [{ name: 'adminA' }],
    'refused',
    'no endorse statement existed before party roots',
  );
  below.step(
    'intruderB',
    authority('adminA'),
    [{ name: 'intruderB' }, { name: 'adminA' }],
    'refused',
    'above the boundary: B has no root',
  );
  below.step('adminB', BOOTSTRAP, [{ name: 'adminB' }], 'accepted', 'B gets its root');
  below.step(
    'envoyB',
    { kind: 'endorse', ...authority('adminB') },
    [{ name: 'adminB' }],
    'accepted',
    'B’s root endorses its envoy',
  );
  const above = history(
    'legacy-above-boundary',
    'The same legacy statements with no boundary (a deployment made since): refused.',
    0,
  );
  legacyHistory(above.step);
  above.step(
    'envoyB',
    authority('adminA'),
    [{ name: 'envoyB' }, { name: 'adminA' }],
    'refused',
    'A’s admin enrols B’s envoy',
  );
  above.step('adminA2', BOOTSTRAP, [{ name: 'adminA2' }], 'refused', 'a second operator admin for A');
  return [below.done(), above.done()];
};
