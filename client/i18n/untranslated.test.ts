import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { untranslatedText } from './untranslated-text';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Screens still showing English text that is not in a catalogue. The list may only shrink: a file
 * on it that no longer shows any must leave it, and no file off it may show any.
 */
const NOT_YET_LOCALISED = new Set([
  'client/components/CopyButton.tsx',
  'client/components/LockedNotice.tsx',
  'client/features/admin/InvitationsPage.tsx',
  'client/features/admin/ManagePeoplePage.tsx',
  'client/features/admin/PartiesPage.tsx',
  'client/features/cases/AgeBadge.tsx',
  'client/features/cases/BirthFieldset.tsx',
  'client/features/cases/CasePicker.tsx',
  'client/features/cases/ChangeStatusForm.tsx',
  'client/features/cases/ChildRecord.tsx',
  'client/features/cases/ConsentFieldset.tsx',
  'client/features/cases/EvidenceForm.tsx',
  'client/features/cases/IdentityFieldset.tsx',
  'client/features/cases/LocationFieldset.tsx',
  'client/features/cases/MinutesPage.tsx',
  'client/features/cases/NamesFieldset.tsx',
  'client/features/cases/OpenCasePage.tsx',
  'client/features/cases/OpenCaseStepFields.tsx',
  'client/features/cases/ParticipantsFieldset.tsx',
  'client/features/cases/PlaceFields.tsx',
  'client/features/cases/RelativesFieldset.tsx',
  'client/features/cases/SeparationFieldset.tsx',
  'client/features/disputes/DisputeForm.tsx',
  'client/features/disputes/DisputesPanel.tsx',
  'client/features/health/HealthPanel.tsx',
  'client/features/log/LogFailureBanner.tsx',
  'client/features/log/LogPage.tsx',
  'client/features/log/LogPinScreen.tsx',
  'client/features/log/WitnessFacts.tsx',
  'client/features/membership/ProposalRow.tsx',
  'client/features/membership/ProposeMembershipForm.tsx',
  'client/features/membership/StreamWitnessLine.tsx',
  'client/features/parties/PartyList.tsx',
  'client/features/parties/PartyPage.tsx',
  'client/features/parties/PinPartyRoot.tsx',
  'client/features/people/DirectoryError.tsx',
  'client/features/people/MarkVerified.tsx',
  'client/features/people/PeopleConflicts.tsx',
  'client/features/people/PeoplePage.tsx',
  'client/features/people/PersonPage.tsx',
  'client/features/people/RecipientStatus.tsx',
  'client/features/sign-in/SecretUnlockForm.tsx',
  'client/features/sign-in/UnlockPage.tsx',
  'client/features/sign-in/UnlockPanel.tsx',
  'client/features/timeline/EntryCard.tsx',
  'client/features/timeline/EntryContentView.tsx',
  'client/features/timeline/StatusChangeView.tsx',
  'client/features/verify/CheckpointTable.tsx',
  'client/features/verify/DownloadBundleButton.tsx',
  'client/features/verify/EntryTable.tsx',
  'client/features/verify/ScopePicker.tsx',
  'client/features/verify/VerificationResult.tsx',
  'client/features/verify/VerifyPage.tsx',
  'client/features/verify/VerifySummary.tsx',
  'client/layout/RequireSession.tsx',
  'client/trust/ReadersDialog.tsx',
]);

const screens = readdirSync(join(ROOT, 'client'), { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.tsx') && !path.endsWith('.test.tsx'))
  .map((path) => `client/${path}`)
  .sort();

const untranslatedIn = (file: string) => untranslatedText(readFileSync(join(ROOT, file), 'utf8'));

describe('every word a screen shows comes from a catalogue', () => {
  it('finds the screens', () => {
    expect(screens.length).toBeGreaterThan(100);
    for (const file of NOT_YET_LOCALISED) {
      expect(screens).toContain(file);
    }
  });

  it.each(screens.filter((file) => !NOT_YET_LOCALISED.has(file)))('%s', (file) => {
    expect(untranslatedIn(file)).toEqual([]);
  });

  it('lists only screens that still show untranslated text', () => {
    const done = [...NOT_YET_LOCALISED].filter((file) => untranslatedIn(file).length === 0);
    expect(done, 'remove these from NOT_YET_LOCALISED').toEqual([]);
  });
});

describe('the scanner', () => {
  it('finds JSX text, read attributes and literals shown in JSX', () => {
    const found = untranslatedText(
      `export const A = ({ n }: { n: number }) => (
        <p title="Hover text" className="not-read">
          Hello there {n > 1 ? 'items' : \`item\`} {'·'} <code>npm run verify</code> Parley
          <input aria-label={'Search cases'} placeholder="e.g. Olena" />
        </p>
      );`,
    );
    expect(found.map((hit) => hit.text).sort()).toEqual(
      ['Hover text', 'Hello there', 'items', 'item', 'Search cases', 'e.g. Olena'].sort(),
    );
  });

  it('accepts text from a catalogue', () => {
    expect(untranslatedText(`export const A = () => <p title={t('hint')}>{t('hello')} · 3</p>;`)).toEqual([]);
  });
});
