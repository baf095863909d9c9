import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogError } from '../../../errors.js';
import {
  decodeGroupMetadataValue,
  encodeGroupMetadataValue,
  type GroupMetadataValue,
} from './group-metadata-value.js';
import { decodeOffsetCommitValue, encodeOffsetCommitValue } from './offset-commit-value.js';
import { decodeOffsetsTopicKey, encodeGroupMetadataKey, encodeOffsetCommitKey } from './record-key.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);
const hex = (b: Buffer) => b.toString('hex');

function expectCorrupt(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LogError);
    expect((e as LogError).code).toBe('CORRUPT_MESSAGE');
    return;
  }
  throw new Error('expected CORRUPT_MESSAGE');
}

describe('__consumer_offsets record formats', () => {
  it('writes keys exactly as Kafka does (offset key type 1, group key type 2)', () => {
    expect(hex(encodeOffsetCommitKey('g', 't', 3))).toBe('0001' + '000167' + '000174' + '00000003');
    expect(hex(encodeGroupMetadataKey('g'))).toBe('0002' + '000167');
    expect(decodeOffsetsTopicKey(Buffer.from('0000000167000174' + '00000003', 'hex'))).toEqual({
      kind: 'offset',
      group: 'g',
      topic: 't',
      partition: 3,
    });
    // Record types of Kafka's newer group protocols are not ours to load.
    expect(decodeOffsetsTopicKey(Buffer.from('0003000167', 'hex'))).toBeNull();
  });

  it('writes OffsetCommitValue v3 and reads v0, v1, v3 and flexible v4', () => {
    const v3 = encodeOffsetCommitValue({
      offset: 5,
      leaderEpoch: -1,
      metadata: '',
      commitTimestamp: 1000,
      expireTimestamp: -1,
    });
    expect(hex(v3)).toBe('0003' + '0000000000000005' + 'ffffffff' + '0000' + '00000000000003e8');
    const v0 = Buffer.from('0000' + '0000000000000007' + '000178' + '0000000000000001', 'hex');
    expect(decodeOffsetCommitValue(v0)).toEqual({
      offset: 7,
      leaderEpoch: -1,
      metadata: 'x',
      commitTimestamp: 1,
      expireTimestamp: -1,
    });
    const v1 = Buffer.from(
      '0001' + '0000000000000007' + '0000' + '0000000000000001' + '0000000000000009',
      'hex',
    );
    expect(decodeOffsetCommitValue(v1).expireTimestamp).toBe(9);
    const v4 = Buffer.from(
      '0004' + '0000000000000007' + '00000002' + '0278' + '0000000000000001' + '00',
      'hex',
    );
    expect(decodeOffsetCommitValue(v4)).toMatchObject({ offset: 7, leaderEpoch: 2, metadata: 'x' });
  });

  it('round-trips GroupMetadataValue v3', () => {
    const member = fc.record({
      memberId: fc.string(),
      groupInstanceId: fc.option(fc.string(), { nil: null }),
      clientId: fc.string(),
      clientHost: fc.string(),
      rebalanceTimeoutMs: fc.nat(),
      sessionTimeoutMs: fc.nat(),
      subscription: fc.uint8Array({ maxLength: 20 }).map((a) => Buffer.from(a)),
      assignment: fc.uint8Array({ maxLength: 20 }).map((a) => Buffer.from(a)),
    });
    const value = fc.record({
      protocolType: fc.string(),
      generation: fc.nat({ max: 2 ** 31 - 1 }),
      protocol: fc.option(fc.string(), { nil: null }),
      leader: fc.option(fc.string(), { nil: null }),
      currentStateTimestamp: fc.integer({ min: -1, max: 2 ** 50 }),
      members: fc.array(member, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(value, (v: GroupMetadataValue) => {
        expect(decodeGroupMetadataValue(encodeGroupMetadataValue(v))).toEqual(v);
      }),
      { numRuns: runs },
    );
  });

  it('malformed bytes are a typed CORRUPT_MESSAGE error, never a crash or a half-read value', () => {
    expectCorrupt(() => decodeOffsetsTopicKey(Buffer.from('00', 'hex')));
    expectCorrupt(() => decodeOffsetsTopicKey(Buffer.from('0001000567', 'hex')));
    expectCorrupt(() => decodeOffsetsTopicKey(Buffer.from('ffff', 'hex')));
    expectCorrupt(() => decodeOffsetCommitValue(Buffer.from('0009', 'hex')));
    expectCorrupt(() => decodeOffsetCommitValue(Buffer.from('000300000000', 'hex')));
    expectCorrupt(() => decodeGroupMetadataValue(Buffer.from('0003ffff', 'hex')));
    const good = encodeGroupMetadataValue({
      protocolType: 'consumer',
      generation: 1,
      protocol: 'range',
      leader: 'm',
      currentStateTimestamp: 5,
      members: [],
    });
    expectCorrupt(() => decodeGroupMetadataValue(good.subarray(0, good.length - 2)));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        for (const decode of [decodeOffsetsTopicKey, decodeOffsetCommitValue, decodeGroupMetadataValue]) {
          try {
            decode(Buffer.from(bytes));
          } catch (e) {
            expect(e).toBeInstanceOf(LogError);
          }
        }
      }),
      { numRuns: runs },
    );
  });
});
