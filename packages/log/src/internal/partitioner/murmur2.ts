/**
 * Kafka's murmur2 (org.apache.kafka.common.utils.Utils#murmur2): the 32-bit MurmurHash2
 * variant with seed 0x9747b28c that the Java producer and kafkajs use to place keyed records.
 * Math.imul keeps every multiplication in 32-bit two's complement, exactly like Java ints.
 */
const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** Kafka's murmur2 hash of `data`, as a signed 32-bit integer (the value Java's `Utils.murmur2` returns). */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const length4 = length & ~3;

  for (let i = 0; i < length4; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }

  // The tail bytes, in Java's switch fall-through order.
  const rest = length & 3;
  if (rest === 3) h ^= data[length4 + 2]! << 16;
  if (rest >= 2) h ^= data[length4 + 1]! << 8;
  if (rest >= 1) {
    h ^= data[length4]!;
    h = Math.imul(h, M);
  }

  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's `Utils.toPositive`: clears the sign bit (not Math.abs), so it matches the Java client. */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}
