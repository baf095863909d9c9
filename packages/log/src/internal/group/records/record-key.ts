/**
 * Keys of `__consumer_offsets` records in Kafka's formats: an int16 record type ("key version")
 * then the fields. Types 0 and 1 are OffsetCommitKey (group, topic, partition); type 2 is
 * GroupMetadataKey (group). Kafka writes offset keys with type 1 and group keys with type 2.
 */
import { Reader, Writer } from '@rill/protocol';
import { corrupt, decodeGuarded } from './decode-guard.js';

export type OffsetsTopicKey =
  | { readonly kind: 'offset'; readonly group: string; readonly topic: string; readonly partition: number }
  | { readonly kind: 'group'; readonly group: string };

export function encodeOffsetCommitKey(group: string, topic: string, partition: number): Buffer {
  return new Writer(16 + group.length + topic.length)
    .int16(1)
    .string(group)
    .string(topic)
    .int32(partition)
    .toBuffer();
}

export function encodeGroupMetadataKey(group: string): Buffer {
  return new Writer(8 + group.length).int16(2).string(group).toBuffer();
}

/**
 * Decode a record key.
 * @returns null for record types this coordinator does not own (Kafka's new consumer-group
 *   protocol, share groups), which a classic-protocol load must leave alone.
 * @throws LogError CORRUPT_MESSAGE for a truncated or malformed key.
 */
export function decodeOffsetsTopicKey(key: Buffer): OffsetsTopicKey | null {
  return decodeGuarded('__consumer_offsets key', () => {
    const r = new Reader(key);
    const version = r.int16();
    if (version === 0 || version === 1) {
      const group = r.string();
      const topic = r.string();
      const partition = r.int32();
      if (partition < 0) throw corrupt(`Offset commit key with partition ${partition}`);
      return { kind: 'offset', group, topic, partition };
    }
    if (version === 2) return { kind: 'group', group: r.string() };
    if (version < 0) throw corrupt(`Negative __consumer_offsets key version ${version}`);
    return null;
  });
}
