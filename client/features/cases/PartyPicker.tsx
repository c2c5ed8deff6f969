import { API } from '../../../shared/api/index';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CheckboxGroup } from './CheckboxGroup';

/**
 * Chooses the member parties of a new case or thread: whose people receive its content. The
 * author's own party is always a member.
 */
export const PartyPicker = ({
  ownParty,
  selected,
  onChange,
  legend,
}: {
  ownParty: string;
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  legend: string;
}) => {
  const [parties] = useQuery(() => api(API.listParties), []);
  if (parties.status === 'error') {
    return <ErrorNotice error={parties.error} />;
  }
  const options =
    parties.status === 'ready' ? parties.data.parties.map((party) => [party.id, party.name] as const) : [];
  return (
    <CheckboxGroup
      legend={legend}
      options={options}
      selected={selected}
      onChange={onChange}
      locked={[ownParty]}
      testId="party-picker"
    />
  );
};
