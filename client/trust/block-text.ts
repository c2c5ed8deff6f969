/**
 * Why sending is blocked, as data the screen words in the reader's language (the `block` keys of
 * the `trust` catalogue). `send-check.ts` also keeps an English `message` of the same sentence for
 * errors and the SDK, which run without a language; block-text.test.ts checks the two agree.
 */
import type { TFunction } from 'i18next';
import type { Role } from '../../shared/schemas/role';

export type BlockText =
  | { readonly kind: 'no-party-root'; readonly name: string; readonly role: Role; readonly party: string }
  | { readonly kind: 'party-root-changed'; readonly name: string; readonly party: string }
  | {
      readonly kind: 'not-party-endorsed';
      readonly name: string;
      readonly role: Role;
      readonly party: string;
      readonly endorsers: readonly { readonly name: string; readonly party: string }[];
    }
  | { readonly kind: 'key-changed'; readonly name: string }
  | { readonly kind: 'people-hint'; readonly name: string; readonly detail: string }
  /** The recipient choice itself refused (an author or grantee without a key): its own words. */
  | { readonly kind: 'no-key'; readonly detail: string };

/** The sentence of `text`, with `t` bound to the `trust` and `common` catalogues. */
export const blockSentence = (t: TFunction, text: BlockText): string => {
  switch (text.kind) {
    case 'no-party-root':
    case 'not-party-endorsed': {
      const role = t(`common:account.role.${text.role}`);
      const by =
        text.kind === 'not-party-endorsed'
          ? text.endorsers.map((admin) => t('trust:block.endorser', admin)).join(', ') || t('trust:block.noOne')
          : '';
      return t(`trust:block.${text.kind}`, { name: text.name, role, party: text.party, by });
    }
    case 'party-root-changed':
      return t('trust:block.party-root-changed', { name: text.name, party: text.party });
    case 'key-changed':
      return t('trust:block.key-changed', { name: text.name });
    case 'people-hint':
      return t('trust:block.people-hint', { name: text.name, detail: text.detail });
    case 'no-key':
      return text.detail;
  }
};
