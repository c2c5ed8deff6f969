// The offline verifier on every core: the pool checks the entry signatures on worker threads
// while this thread runs the rest of `verifyBundle` assuming them valid; the assumption is then
// confirmed signature by signature, and if any one fails, the bundle is verified again with the
// real verdicts, so a bad signature yields exactly the failure the single-thread verifier names.
import { AssumedValidSignatures, type SignatureVerdictSource } from '../../shared/audit/signature-verdicts';
import type { BundleVerification } from '../../shared/audit/verify-bundle';
import type { SignaturePool } from './signature-pool';

/** The verification of the bundle `text` by `verify`, given where the signature verdicts come from. */
export const verifyOnAllCores = async (
  text: string,
  pool: SignaturePool,
  verify: (signatureVerdicts: SignatureVerdictSource) => BundleVerification,
): Promise<BundleVerification> => {
  const pending = pool.verifyEntrySignatures(text);
  const assumed = new AssumedValidSignatures();
  let optimistic: BundleVerification;
  try {
    optimistic = verify(assumed);
  } catch (error) {
    // The workers' outcome no longer matters, but a crash of theirs must not go unhandled.
    pending.catch(() => undefined);
    throw error;
  }
  const verdicts = await pending;
  return verdicts.confirmsAll(assumed.asked) ? optimistic : verify(verdicts);
};
