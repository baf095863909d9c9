import { murmur2, toPositive } from './murmur2.js';

/**
 * Kafka's partition for a keyed record: `toPositive(murmur2(keyBytes)) % numPartitions`, the rule
 * of the Java producer's built-in partitioner and kafkajs's default partitioner, so the same key
 * lands on the same partition whichever client produced it.
 *
 * @param key the serialized key; a string is hashed as its UTF-8 bytes.
 * @param numPartitions the topic's partition count (a positive integer).
 * @returns a partition in `[0, numPartitions)`.
 * @example
 * ```ts
 * defaultPartition('user-42', 6); // same answer as the Java client and kafkajs
 * ```
 */
export function defaultPartition(key: Uint8Array | string, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(`numPartitions must be a positive integer, got ${numPartitions}`);
  }
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  return toPositive(murmur2(bytes)) % numPartitions;
}
