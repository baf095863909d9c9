/**
 * MurmurHash3 x86_128 (Austin Appleby's public-domain algorithm), written for the cleaner's
 * offset map: it hashes a byte range in place and writes the four 32-bit lanes into a caller-owned
 * Int32Array, so hashing a record key allocates nothing.
 *
 * Why not MD5 as Kafka's SkimpyOffsetMap uses: in Node an MD5 digest costs a native call plus a
 * Hash object and a result Buffer per key (~1-2 µs); the cleaner hashes every record twice per pass
 * (map build, then cleaning), which for a 1 GB log of small records is tens of millions of hashes.
 * This hash runs on 32-bit integer math (Math.imul) at tens of ns per short key and still gives
 * 128 bits, so the accidental-collision argument Kafka makes for MD5 carries over unchanged:
 * with n distinct keys in a pass the chance that any two share a hash is about n^2 / 2^129
 * (for the ~5.6M keys a 128 MiB buffer holds, ~5e-26). Neither MD5 nor Murmur resists a
 * deliberate attacker; each map instance draws a random seed, so a collision found offline is
 * not reproducible against a running cleaner without knowing the seed.
 */

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

function le32(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
}

/**
 * Hash `buf[start, end)` with MurmurHash3_x86_128 and the given 32-bit seed into `out[0..3]`
 * (h1..h4 as signed int32, the reference implementation's output order).
 */
export function murmur3x86_128(
  buf: Uint8Array,
  start: number,
  end: number,
  seed: number,
  out: Int32Array,
): void {
  const len = end - start;
  let h1 = seed | 0;
  let h2 = h1;
  let h3 = h1;
  let h4 = h1;
  const blocksEnd = start + (len & ~15);
  let i = start;
  for (; i < blocksEnd; i += 16) {
    let k1 = le32(buf, i);
    let k2 = le32(buf, i + 4);
    let k3 = le32(buf, i + 8);
    let k4 = le32(buf, i + 12);

    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = rotl(h1, 19) + h2;
    h1 = (Math.imul(h1, 5) + 0x561ccd1b) | 0;

    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = rotl(h2, 17) + h3;
    h2 = (Math.imul(h2, 5) + 0x0bcaa747) | 0;

    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = rotl(h3, 15) + h4;
    h3 = (Math.imul(h3, 5) + 0x96cd1c35) | 0;

    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = rotl(h4, 13) + h1;
    h4 = (Math.imul(h4, 5) + 0x32ac3b17) | 0;
  }

  // Tail: up to 15 bytes, gathered little-endian into four lanes as the reference switch does.
  const rem = len & 15;
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  let k4 = 0;
  for (let j = rem - 1; j >= 0; j--) {
    const b = buf[i + j]!;
    if (j >= 12) k4 |= b << ((j - 12) * 8);
    else if (j >= 8) k3 |= b << ((j - 8) * 8);
    else if (j >= 4) k2 |= b << ((j - 4) * 8);
    else k1 |= b << (j * 8);
  }
  if (rem > 12) {
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
  }
  if (rem > 8) {
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
  }
  if (rem > 4) {
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
  }
  if (rem > 0) {
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
  }

  h1 ^= len;
  h2 ^= len;
  h3 ^= len;
  h4 ^= len;

  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;

  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);

  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;

  out[0] = h1;
  out[1] = h2;
  out[2] = h3;
  out[3] = h4;
}
