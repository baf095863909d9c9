/**
 * OffsetCommitValue, Kafka's stored committed offset. Written as version 3 (offset, leaderEpoch,
 * metadata, commitTimestamp), as Kafka does without an explicit expire timestamp; versions 0-4
 * are read (v1 carries the pre-KIP-211 expireTimestamp; v4 is flexible).
 */
import { Reader, Writer } from '@rill/protocol';
import { corrupt, decodeGuarded } from './decode-guard.js';

export interface OffsetCommitValue {
  readonly offset: number;
  readonly leaderEpoch: number;
  readonly metadata: string;
  readonly commitTimestamp: number;
  /** Only from version 1 records; -1 otherwise. */
  readonly expireTimestamp: number;
}

export function encodeOffsetCommitValue(v: OffsetCommitValue): Buffer {
  return new Writer(32 + v.metadata.length * 3)
    .int16(3)
    .int64(v.offset)
    .int32(v.leaderEpoch)
    .string(v.metadata)
    .int64(v.commitTimestamp)
    .toBuffer();
}

/** @throws LogError CORRUPT_MESSAGE for a malformed value or an unknown version. */
export function decodeOffsetCommitValue(buf: Buffer): OffsetCommitValue {
  return decodeGuarded('OffsetCommitValue', () => {
    const r = new Reader(buf);
    const version = r.int16();
    if (version < 0 || version > 4) throw corrupt(`Unknown OffsetCommitValue version ${version}`);
    const flexible = version >= 4;
    const offset = r.int64();
    const leaderEpoch = version >= 3 ? r.int32() : -1;
    const metadata = flexible ? r.compactString() : r.string();
    const commitTimestamp = r.int64();
    const expireTimestamp = version === 1 ? r.int64() : -1;
    if (flexible) r.taggedFields();
    if (offset < -1) throw corrupt(`OffsetCommitValue with offset ${offset}`);
    return { offset, leaderEpoch, metadata, commitTimestamp, expireTimestamp };
  });
}
