import type { PartyView } from '../../../shared/schemas/identity';
import { useT } from '../../i18n/useT';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

export type ParticipantDraft = { name: string; party: string; role: string };

/** Who was at the meeting or on the call, with their party and role where known. */
export const ParticipantsFieldset = ({
  participants,
  parties,
  onChange,
}: {
  participants: readonly ParticipantDraft[];
  parties: readonly PartyView[];
  onChange: (participants: ParticipantDraft[]) => void;
}) => {
  const { t } = useT('cases-forms');
  const set = (index: number, patch: Partial<ParticipantDraft>) =>
    onChange(participants.map((participant, other) => (other === index ? { ...participant, ...patch } : participant)));
  return (
    <fieldset>
      <legend>{t('participants.legend')}</legend>
      {participants.map((participant, index) => (
        <div className="row-group" key={index} data-testid="participant">
          <TextField
            label={t('participants.name')}
            value={participant.name}
            onChange={(name) => set(index, { name })}
            required
            testId={`participant-name-${index}`}
          />
          <SelectField
            label={t('participants.party')}
            value={participant.party}
            onChange={(party) => set(index, { party })}
            options={parties.map((party) => [party.id, party.name] as const)}
            empty={t('participants.noParty')}
            testId={`participant-party-${index}`}
          />
          <TextField
            label={t('participants.role')}
            value={participant.role}
            onChange={(role) => set(index, { role })}
            testId={`participant-role-${index}`}
          />
          {participants.length > 1 ? (
            <button type="button" onClick={() => onChange(participants.filter((_, other) => other !== index))}>
              {t('remove')}
            </button>
          ) : null}
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...participants, { name: '', party: '', role: '' }])}
        data-testid="add-participant"
      >
        {t('participants.add')}
      </button>
    </fieldset>
  );
};
