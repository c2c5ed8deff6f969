/**
 * Who a child is: name variants (transliterations, altered names), sex, and how far identity has
 * been verified. Identity is kept apart from location (see child-whereabouts.ts): a register can
 * know who a child is without knowing where they are.
 */
import { z } from 'zod';
import { MediumText, ShortText } from './content-text';
import { PlainDate } from './plain-date';

/** ISO 15924 script code: `Latn`, `Cyrl`. */
export const ScriptCode = z.string().regex(/^[A-Z][a-z]{3}$/, 'must be an ISO 15924 script code such as Cyrl');

/** BCP 47 language tag: `uk`, `ru`, `en`, `uk-Latn`. */
export const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as uk or ru');

/** Where a name variant comes from in the child's story. */
export const NameKind = z.enum([
  /** As registered at birth. */
  'birth',
  /** The birth name written in another script or language. */
  'transliteration',
  /** A name given or recorded after separation (renaming, new documents). */
  'altered',
  /** A nickname or other name the child is known by. */
  'alias',
  /** As someone reported it, not yet matched to a document. */
  'reported',
]);
export type NameKind = z.infer<typeof NameKind>;

/** One way the child's name is written. Any part may be missing, but not all of them. */
export const NameVariant = z
  .strictObject({
    given: ShortText.optional(),
    family: ShortText.optional(),
    patronymic: ShortText.optional(),
    kind: NameKind,
    script: ScriptCode,
    language: LanguageTag.optional(),
    /** Who or what gives this variant: `birth certificate`, `mother`, `holder's database listing`. */
    source: ShortText,
  })
  .refine(
    (name) => [name.given, name.family, name.patronymic].some((part) => part !== undefined),
    'a name variant has at least one part',
  );
export type NameVariant = z.infer<typeof NameVariant>;

/** Sex as recorded; absent while unknown. */
export const Sex = z.enum(['female', 'male', 'other']);

/** How far the child's identity has been established (not where they are). */
export const IdentityLevel = z.enum([
  'unverified',
  /** Matched to documents by one side. */
  'documented',
  /** Confirmed by a commissioner, register or intermediary. */
  'verified',
  /** Confirmed by both sides' commissioners together. */
  'jointly_verified',
]);

/** One source an identity check relied on. */
export const IdentitySource = z.strictObject({
  kind: z.enum(['national_register', 'commissioner_check', 'third_party', 'document', 'family', 'other']),
  reference: ShortText.optional(),
  date: PlainDate.optional(),
  note: MediumText.optional(),
});

/** Identity verification level and the sources behind it. */
export const IdentityVerification = z.strictObject({
  level: IdentityLevel,
  sources: z.array(IdentitySource).max(32),
});
export type IdentityVerification = z.infer<typeof IdentityVerification>;
