/**
 * The cleaner's dedupe buffer: Kafka's SkimpyOffsetMap. Maps a 128-bit hash of a record key to the
 * latest offset seen for that key, in one preallocated ArrayBuffer of exactly the configured size
 * (`log.cleaner.dedupe.buffer.size`), with open addressing and no per-entry JS objects, so the
 * cleaner's memory is fixed by configuration and never grows with the log.
 *
 * Layout: `slots` entries of 24 bytes, like Kafka's (16-byte hash + 8-byte offset), stored as two
 * regions of the same buffer: the hashes as an Int32Array (4 lanes per slot) and the offsets as a
 * Float64Array holding `offset + 1`, so the zero-filled buffer means "all slots empty".
 * `slots` is the largest prime that fits, which lets double hashing (step derived from the hash,
 * in [1, slots - 1]) visit every slot: at Kafka's 0.9 load factor a miss costs ~10 probes on
 * average, where linear probing would cost ~50.
 */
import { randomInt } from 'node:crypto';
import { CleanerError } from './cleaner-error.js';
import { murmur3x86_128 } from './key-hash.js';

/** Kafka's defaults for `log.cleaner.dedupe.buffer.size` and `log.cleaner.io.buffer.load.factor`. */
export const DEFAULT_DEDUPE_BUFFER_BYTES = 128 * 1024 * 1024;
export const DEFAULT_DEDUPE_LOAD_FACTOR = 0.9;

const HASH_BYTES = 16;
const OFFSET_BYTES = 8;
const SLOT_BYTES = HASH_BYTES + OFFSET_BYTES;

export interface OffsetMapOptions {
  /** Total bytes of the map (Kafka: `log.cleaner.dedupe.buffer.size`). Default 128 MiB. */
  readonly bufferBytes?: number;
  /** Fraction of the slots that may be filled before the map reports full. Default 0.9. */
  readonly loadFactor?: number;
  /** Hash seed; default random per map. Tests pin it to make collisions reproducible. */
  readonly seed?: number;
}

function isPrime(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

/** Largest prime <= n (n >= 2). Prime gaps below 2^32 are under 400, so this is a few hundred trial divisions. */
function largestPrimeAtMost(n: number): number {
  let p = n;
  while (!isPrime(p)) p--;
  return p;
}

export class OffsetMap {
  /** Bytes reserved for this map: exactly the configured buffer size. */
  readonly bufferBytes: number;
  readonly slots: number;
  /** Distinct keys the map accepts before `put` of a new key returns false. */
  readonly capacity: number;
  private readonly buffer: ArrayBuffer;
  private readonly hashes: Int32Array;
  private readonly offsets: Float64Array;
  private readonly scratch = new Int32Array(4);
  private readonly seed: number;
  private entries = 0;
  private lookups = 0;
  private probes = 0;
  private latest = -1;

  constructor(options: OffsetMapOptions = {}) {
    const bufferBytes = options.bufferBytes ?? DEFAULT_DEDUPE_BUFFER_BYTES;
    const loadFactor = options.loadFactor ?? DEFAULT_DEDUPE_LOAD_FACTOR;
    if (!(loadFactor > 0 && loadFactor < 1)) {
      throw new CleanerError(
        'CLEANER_DEDUPE_BUFFER_INVALID',
        `dedupe load factor must be in (0, 1), got ${loadFactor}`,
      );
    }
    const rawSlots = Math.floor(bufferBytes / SLOT_BYTES);
    if (!Number.isSafeInteger(bufferBytes) || rawSlots < 3) {
      throw new CleanerError(
        'CLEANER_DEDUPE_BUFFER_INVALID',
        `dedupe buffer of ${bufferBytes} bytes holds fewer than 3 slots of ${SLOT_BYTES} bytes`,
      );
    }
    this.bufferBytes = bufferBytes;
    this.slots = largestPrimeAtMost(rawSlots);
    this.capacity = Math.max(1, Math.floor(this.slots * loadFactor));
    // A plain ArrayBuffer is zero-filled lazily by the OS, so untouched slots cost no RSS.
    this.buffer = new ArrayBuffer(bufferBytes);
    this.hashes = new Int32Array(this.buffer, 0, this.slots * 4);
    const offsetsStart = this.slots * HASH_BYTES; // a multiple of 8, as Float64Array requires
    this.offsets = new Float64Array(this.buffer, offsetsStart, this.slots);
    this.seed = options.seed ?? randomInt(0, 0x7fffffff);
  }

  /** Number of distinct keys stored. */
  get size(): number {
    return this.entries;
  }

  /** True when no new key can be added. */
  get isFull(): boolean {
    return this.entries >= this.capacity;
  }

  /** Fraction of the capacity in use (Kafka logs this as the buffer utilisation). */
  get utilization(): number {
    return this.entries / this.capacity;
  }

  /** Average probes per lookup since the last clear (a health figure for the hash). */
  get probesPerLookup(): number {
    return this.lookups === 0 ? 0 : this.probes / this.lookups;
  }

  /** The last offset the map covers (Kafka's `latestOffset`): -1 when empty. */
  get latestOffset(): number {
    return this.latest;
  }

  /** Record that every offset up to `offset` has been scanned into the map. */
  updateLatestOffset(offset: number): void {
    if (offset > this.latest) this.latest = offset;
  }

  /** Forget all keys (the buffer is reused, never reallocated). */
  clear(): void {
    this.offsets.fill(0);
    this.entries = 0;
    this.lookups = 0;
    this.probes = 0;
    this.latest = -1;
  }

  /**
   * Store `offset` as the latest for the key `buf[start, end)`. Returns false, storing nothing, when
   * the key is new and the map is full; an existing key is always updated.
   */
  put(buf: Uint8Array, start: number, end: number, offset: number): boolean {
    const slot = this.find(buf, start, end);
    if (slot >= 0) {
      this.offsets[slot] = offset + 1;
      return true;
    }
    if (this.entries >= this.capacity) return false;
    const empty = -slot - 1;
    const h = this.scratch;
    const base = empty * 4;
    this.hashes[base] = h[0]!;
    this.hashes[base + 1] = h[1]!;
    this.hashes[base + 2] = h[2]!;
    this.hashes[base + 3] = h[3]!;
    this.offsets[empty] = offset + 1;
    this.entries++;
    return true;
  }

  /** The latest offset stored for the key `buf[start, end)`, or -1 if the key is not in the map. */
  get(buf: Uint8Array, start: number, end: number): number {
    const slot = this.find(buf, start, end);
    return slot >= 0 ? this.offsets[slot]! - 1 : -1;
  }

  /** Convenience for whole-Buffer keys. */
  putKey(key: Uint8Array, offset: number): boolean {
    return this.put(key, 0, key.length, offset);
  }

  getKey(key: Uint8Array): number {
    return this.get(key, 0, key.length);
  }

  /**
   * Hash the key into `scratch` and probe. Returns the slot holding the key, or `-(emptySlot) - 1`
   * for the first empty slot on its probe sequence. Terminates because at least one slot is always
   * empty (capacity < slots) and a prime table size makes the step sequence visit every slot.
   */
  private find(buf: Uint8Array, start: number, end: number): number {
    const h = this.scratch;
    murmur3x86_128(buf, start, end, this.seed, h);
    const h0 = h[0]!;
    const h1 = h[1]!;
    const h2 = h[2]!;
    const h3 = h[3]!;
    const slots = this.slots;
    let slot = (h0 >>> 0) % slots;
    const step = 1 + ((h1 >>> 0) % (slots - 1));
    const hashes = this.hashes;
    const offsets = this.offsets;
    this.lookups++;
    for (;;) {
      this.probes++;
      if (offsets[slot] === 0) return -slot - 1;
      const b = slot * 4;
      if (hashes[b] === h0 && hashes[b + 1] === h1 && hashes[b + 2] === h2 && hashes[b + 3] === h3)
        return slot;
      slot += step;
      if (slot >= slots) slot -= slots;
    }
  }
}
