import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../shared/crypto/sodium';
import { testLog, treeOf } from '../../test/helpers/witness-fixtures';
import { CarriedSplitViewError, checkCarriedCheckpoints } from './checkpoint-gossip';
import { storedLogStatus } from './log-pin';
import { offerPin } from './log-pin-source';
import { useMemoryLocalStorage } from './memory-local-storage';

// Only same-size checkpoints are compared here, which need no consistency proof from the server.
useMemoryLocalStorage();
beforeAll(async () => {
  await initCrypto();
});

describe('checkpoints carried in entries, checked by the browser (gossip)', () => {
  const pinned = () => {
    const log = testLog('parley.test/gossip-browser/log', 'gossip browser');
    offerPin({ verifierKey: log.verifierKey, origin: log.origin, legacyBefore: 0 }, 'invitation');
    return log;
  };

  it('records the blocking split-view failure with both notes, and stops the read', async () => {
    const log = pinned();
    const trusted = log.checkpoint(treeOf(6, 'a'));
    const carried = log.checkpoint(treeOf(6, 'b'));
    const error = await checkCarriedCheckpoints(trusted, [carried]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CarriedSplitViewError);
    expect((error as CarriedSplitViewError).notes).toEqual([trusted, carried]);
    expect(storedLogStatus().failure).toMatchObject({
      kind: 'split-view',
      reason: expect.stringContaining('two trees of size 6 with different roots'),
      evidence: { trusted, offered: carried },
    });
  });

  it('accepts the trusted note itself and ignores a note the pinned log did not sign', async () => {
    const log = pinned();
    const trusted = log.checkpoint(treeOf(6, 'a'));
    const stranger = testLog('parley.test/gossip-browser/log', 'another key').checkpoint(treeOf(6, 'b'));
    await expect(checkCarriedCheckpoints(trusted, [trusted, stranger, 'not a note'])).resolves.toBeUndefined();
    expect(storedLogStatus().failure).toBeNull();
  });
});
