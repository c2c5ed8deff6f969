import type { TFunction } from 'i18next';

/** The enums of the child record whose values people read, each a group of `cases-record:values`. */
export type ValueGroup =
  | 'sex'
  | 'script'
  /** The script as the record names it: its ISO 15924 code in English, a word in other languages. */
  | 'scriptCode'
  | 'nameKind'
  | 'identityLevel'
  | 'sourceKind'
  | 'relation'
  | 'contactStatus'
  | 'consentStatus'
  | 'consentScope'
  | 'givenBy'
  | 'legalBasis'
  | 'separatedBy'
  | 'circumstances'
  | 'confidence'
  | 'placement'
  | 'yesNoUnknown';

/**
 * The words for one value in the language on screen. A value no catalogue knows (a record sealed
 * by a newer client) is shown as written, with spaces for underscores, rather than as a key.
 */
export const valueLabel = (t: TFunction, group: ValueGroup, value: string): string =>
  t(`cases-record:values.${group}.${value}`, { defaultValue: value.replaceAll('_', ' ') });

/** Select options for the values of one group, labelled in the language on screen. */
export const valueOptions = <V extends string>(
  t: TFunction,
  group: ValueGroup,
  values: readonly V[],
): (readonly [V, string])[] => values.map((value) => [value, valueLabel(t, group, value)] as const);
