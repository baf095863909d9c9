import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CleanerError } from './cleaner-error.js';
import { OffsetMap } from './offset-map.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

const key = (i: number): Buffer => Buffer.from(`key-${i}`);

describe('OffsetMap', () => {
  it('stores the latest offset per key and misses unknown keys', () => {
    const map = new OffsetMap({ bufferBytes: 24 * 1000, seed: 1 });
    expect(map.putKey(key(1), 10)).toBe(true);
    expect(map.putKey(key(2), 11)).toBe(true);
    expect(map.putKey(key(1), 12)).toBe(true);
    expect(map.getKey(key(1))).toBe(12);
    expect(map.getKey(key(2))).toBe(11);
    expect(map.getKey(key(3))).toBe(-1);
    expect(map.size).toBe(2);
  });

  it('distinguishes the empty key from a missing one and stores offset 0', () => {
    const map = new OffsetMap({ bufferBytes: 24 * 100, seed: 1 });
    expect(map.getKey(Buffer.alloc(0))).toBe(-1);
    map.putKey(Buffer.alloc(0), 0);
    expect(map.getKey(Buffer.alloc(0))).toBe(0);
  });

  it('reports full at the load factor but still updates existing keys', () => {
    const map = new OffsetMap({ bufferBytes: 24 * 101, loadFactor: 0.9, seed: 3 });
    expect(map.slots).toBe(101);
    expect(map.capacity).toBe(90);
    for (let i = 0; i < 90; i++) expect(map.putKey(key(i), i)).toBe(true);
    expect(map.isFull).toBe(true);
    expect(map.putKey(key(1000), 1000)).toBe(false);
    expect(map.getKey(key(1000))).toBe(-1);
    expect(map.putKey(key(5), 500)).toBe(true);
    expect(map.getKey(key(5))).toBe(500);
    for (let i = 0; i < 90; i++) expect(map.getKey(key(i))).toBe(i === 5 ? 500 : i);
  });

  it('clear() empties the map and resets the latest offset', () => {
    const map = new OffsetMap({ bufferBytes: 24 * 50, seed: 3 });
    map.putKey(key(1), 1);
    map.updateLatestOffset(7);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.latestOffset).toBe(-1);
    expect(map.getKey(key(1))).toBe(-1);
  });

  it('rejects a buffer too small and a bad load factor with a typed error', () => {
    expect(() => new OffsetMap({ bufferBytes: 48 })).toThrow(CleanerError);
    expect(() => new OffsetMap({ bufferBytes: 4800, loadFactor: 1 })).toThrow(CleanerError);
  });

  it('holds memory fixed by configuration, whatever it stores (bounded memory)', () => {
    const bytes = 1024 * 1024;
    const map = new OffsetMap({ bufferBytes: bytes, seed: 9 });
    expect(map.bufferBytes).toBe(bytes);
    expect(map.slots * 24).toBeLessThanOrEqual(bytes);
    expect(map.slots * 24).toBeGreaterThan(bytes - 24 * 400);
    let stored = 0;
    for (let i = 0; i < 100_000; i++) if (map.putKey(key(i), i)) stored++;
    // The map stops at its capacity instead of growing: the keys that did not fit are refused.
    expect(stored).toBe(map.capacity);
    expect(map.bufferBytes).toBe(bytes);
    for (let i = 0; i < stored; i += 97) expect(map.getKey(key(i))).toBe(i);
    expect(map.probesPerLookup).toBeLessThan(12);
  });

  it('agrees with a Map model for arbitrary puts and gets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.uint8Array({ maxLength: 20 }), fc.boolean()), { maxLength: 300 }),
        fc.integer({ min: 3, max: 200 }),
        (ops, slots) => {
          const map = new OffsetMap({ bufferBytes: slots * 24, seed: 5 });
          const model = new Map<string, number>();
          ops.forEach(([k, isPut], offset) => {
            const id = Buffer.from(k).toString('hex');
            if (isPut) {
              const accepted = map.putKey(k, offset);
              const fits = model.has(id) || model.size < map.capacity;
              expect(accepted).toBe(fits);
              if (fits) model.set(id, offset);
            } else {
              expect(map.getKey(k)).toBe(model.get(id) ?? -1);
            }
          });
          expect(map.size).toBe(model.size);
        },
      ),
      { numRuns: runs },
    );
  });
});
