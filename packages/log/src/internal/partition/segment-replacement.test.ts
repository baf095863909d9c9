import { describe, expect, it } from 'vitest';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import { encodeTxnIndex, type AbortedTxn } from '../producer/txn-index.js';
import {
  CLEANED_SUFFIX,
  LOG_SUFFIX,
  REPLACE_SUFFIX,
  SWAP_SUFFIX,
  TXN_INDEX_SUFFIX,
  segmentPath,
} from '../segment/file-names.js';
import { completeReplacements } from './segment-replacement.js';

const DIR = '/d';
const entry = (producerId: number, lastOffset: number): AbortedTxn => ({
  producerId,
  firstOffset: lastOffset - 1,
  lastOffset,
  lastStableOffset: lastOffset + 1,
});
const OLD_0 = encodeTxnIndex([entry(1, 2)]);
const OLD_5 = encodeTxnIndex([entry(2, 7)]);
const NEW_0 = encodeTxnIndex([entry(2, 7)]);

/** A replacement of segments 0 and 5 by one at 0, committed (the swap file exists), with a new `.txnindex`. */
async function committed(io: FaultyFileIO): Promise<void> {
  await io.mkdir(DIR);
  await io.writeFileAtomic(segmentPath(DIR, 0, LOG_SUFFIX), Buffer.from('old0'));
  await io.writeFileAtomic(segmentPath(DIR, 0, TXN_INDEX_SUFFIX), OLD_0);
  await io.writeFileAtomic(segmentPath(DIR, 5, LOG_SUFFIX), Buffer.from('old5'));
  await io.writeFileAtomic(segmentPath(DIR, 5, TXN_INDEX_SUFFIX), OLD_5);
  await io.writeFileAtomic(segmentPath(DIR, 0, LOG_SUFFIX + SWAP_SUFFIX), Buffer.from('new'));
  await io.writeFileAtomic(segmentPath(DIR, 0, TXN_INDEX_SUFFIX + CLEANED_SUFFIX), NEW_0);
  const marker = { version: 1, endOffset: 10, txnIndex: true };
  await io.writeFileAtomic(segmentPath(DIR, 0, REPLACE_SUFFIX), Buffer.from(JSON.stringify(marker)));
}

describe('segment replacement recovery and the aborted-transactions index', () => {
  it('puts the cleaned .txnindex in place of the old segments’ files', async () => {
    const io = new FaultyFileIO();
    await committed(io);
    await completeReplacements(io, DIR);
    expect((await io.readdir(DIR)).sort()).toEqual([
      '00000000000000000000.log',
      '00000000000000000000.txnindex',
    ]);
    expect(await io.readFile(segmentPath(DIR, 0, TXN_INDEX_SUFFIX))).toEqual(NEW_0);
    expect(await io.readFile(segmentPath(DIR, 0, LOG_SUFFIX))).toEqual(Buffer.from('new'));
  });

  it('never removes the new .txnindex when finishing again after a crash that followed its rename', async () => {
    const io = new FaultyFileIO();
    await committed(io);
    // The first finish got as far as renaming the old files away and the cleaned index into place.
    await io.rename(segmentPath(DIR, 0, LOG_SUFFIX), segmentPath(DIR, 0, LOG_SUFFIX) + '.deleted');
    await io.unlink(segmentPath(DIR, 0, TXN_INDEX_SUFFIX));
    await io.rename(
      segmentPath(DIR, 0, TXN_INDEX_SUFFIX + CLEANED_SUFFIX),
      segmentPath(DIR, 0, TXN_INDEX_SUFFIX),
    );
    await completeReplacements(io, DIR);
    expect(await io.readFile(segmentPath(DIR, 0, TXN_INDEX_SUFFIX))).toEqual(NEW_0);
    expect(await io.exists(segmentPath(DIR, 5, TXN_INDEX_SUFFIX))).toBe(false);
    expect(await io.exists(segmentPath(DIR, 0, LOG_SUFFIX + SWAP_SUFFIX))).toBe(false);
  });

  it('removes the old .txnindex files when the replacement keeps no entry', async () => {
    const io = new FaultyFileIO();
    await committed(io);
    await io.unlink(segmentPath(DIR, 0, TXN_INDEX_SUFFIX + CLEANED_SUFFIX));
    const marker = { version: 1, endOffset: 10, txnIndex: false };
    await io.writeFileAtomic(segmentPath(DIR, 0, REPLACE_SUFFIX), Buffer.from(JSON.stringify(marker)));
    await completeReplacements(io, DIR);
    expect((await io.readdir(DIR)).sort()).toEqual(['00000000000000000000.log']);
  });
});
