/**
 * Per-case fulfilment of a commitment. A case counts only once the receiving party (the obligee)
 * has acknowledged its return: a signed `acknowledgement` by a person of the obligee's party of
 * (a) a `status_change` to `returned` or `reunified` in that case, (b) the obligor's fulfilment
 * claim (`commitment_update.fulfilment`), or (c) the evidence entry that claim names, the receipt
 * coming after the claim (an earlier receipt of, say, a biography is not a confirmed return).
 * A dispute by the obligee of any of them keeps the case from counting. The obligee may also
 * confirm the return on the commitment itself (`commitment_update.returnConfirmed`), naming the case.
 */
import { type CommitmentContent, scopeCaseIds } from './commitment-content';
import type { ReturnConfirmation } from './commitment-stances';
import type { DecryptedEntry } from './decrypted-entry';
import { answersOf, correctionsOf, type EntryIndex, effectiveContent, retractionOf } from './entry-corrections';

/** Where one case of the scope stands. */
export type CaseFulfilment = {
  readonly caseId: string;
  readonly state: 'open' | 'awaiting_acknowledgement' | 'acknowledged' | 'disputed';
  /** Entries recording or claiming the return, oldest first. */
  readonly evidence: readonly string[];
  /** The obligee's first receipt that made the case count. */
  readonly acknowledgement?: { readonly entryHash: string; readonly person: string; readonly receivedAt: string };
  /** Disputes by the obligee of the evidence. */
  readonly disputedBy: readonly string[];
};

type Qualifying = { readonly entry: DecryptedEntry; readonly receiptsAfter: number };

const RETURN_STATUSES = new Set(['returned', 'reunified']);

const isReturn = (entry: DecryptedEntry, index: EntryIndex): boolean => {
  const corrections = correctionsOf(entry, index);
  const content = effectiveContent(entry, corrections);
  return !corrections.retractedBy && content?.type === 'status_change' && RETURN_STATUSES.has(content.status);
};

const concerns = (entry: DecryptedEntry, caseId: string): boolean =>
  (entry.header.stream === caseId || entry.header.cases.includes(caseId)) &&
  (entry.header.type === 'evidence' || entry.header.type === 'status_change');

/**
 * Fulfilment of each case in the commitment's scope, given the fulfilment claims in force
 * (already checked to come from the obligor or the intermediary).
 */
export const fulfilmentOf = (
  commitment: CommitmentContent,
  claims: readonly DecryptedEntry[],
  index: EntryIndex,
  confirmations: readonly ReturnConfirmation[] = [],
): CaseFulfilment[] => {
  const returns = [...index.byHash.values()].filter(
    (entry) => entry.header.type === 'status_change' && entry.header.streamKind === 'case' && isReturn(entry, index),
  );
  return scopeCaseIds(commitment.scope).map((caseId) => {
    const qualifying: Qualifying[] = returns
      .filter((entry) => entry.header.stream === caseId)
      .map((entry) => ({ entry, receiptsAfter: -1 }));
    for (const claim of claims) {
      const fulfilment = claim.content?.type === 'commitment_update' ? claim.content.fulfilment : undefined;
      if (fulfilment?.caseId !== caseId) {
        continue;
      }
      qualifying.push({ entry: claim, receiptsAfter: -1 });
      const named = index.byHash.get(fulfilment.evidenceEntry);
      if (named && concerns(named, caseId) && !retractionOf(named, index)) {
        qualifying.push({ entry: named, receiptsAfter: claim.leafIndex });
      }
    }
    const byObligee = (entry: DecryptedEntry) =>
      entry.header.author.party === commitment.obligee && !retractionOf(entry, index);
    const disputedBy = qualifying.flatMap(({ entry }) =>
      answersOf(entry, index, 'dispute')
        .filter(byObligee)
        .map((dispute) => dispute.entryHash),
    );
    const receipts = qualifying
      .flatMap(({ entry, receiptsAfter }) =>
        answersOf(entry, index, 'acknowledgement').filter(
          (receipt) =>
            byObligee(receipt) && receipt.leafIndex > receiptsAfter && receipt.header.stream === entry.header.stream,
        ),
      )
      .sort((a, b) => a.leafIndex - b.leafIndex);
    const evidence = [...new Set(qualifying.map(({ entry }) => entry.entryHash))];
    const [first] = receipts;
    const confirmed = confirmations.find((confirmation) => confirmation.caseIds.includes(caseId));
    const base = { caseId, evidence, disputedBy: [...new Set(disputedBy)] };
    if (disputedBy.length > 0) {
      return { ...base, state: 'disputed' };
    }
    if (confirmed && !(first && first.leafIndex < (index.byHash.get(confirmed.entryHash)?.leafIndex ?? 0))) {
      const { entryHash, person, receivedAt } = confirmed;
      return { ...base, state: 'acknowledged', acknowledgement: { entryHash, person, receivedAt } };
    }
    if (first) {
      const { entryHash, receivedAt } = first;
      return {
        ...base,
        state: 'acknowledged',
        acknowledgement: { entryHash, person: first.header.author.person, receivedAt },
      };
    }
    return { ...base, state: qualifying.length > 0 ? 'awaiting_acknowledgement' : 'open' };
  });
};
