import { describe, expect, it } from 'vitest';
import { INDEX_HEADER_SIZE } from './index-header.js';
import { OffsetIndex } from './offset-index.js';
import { TimeIndex } from './time-index.js';

describe('OffsetIndex', () => {
  it('finds the largest entry at or below an offset, round-trips, and truncates', () => {
    const idx = new OffsetIndex(1000, 1);
    expect(idx.lookup(1005)).toBe(0);
    idx.append(1010, 100);
    idx.append(1020, 250);
    idx.append(1030, 400);
    expect([
      idx.lookup(1000),
      idx.lookup(1010),
      idx.lookup(1019),
      idx.lookup(1025),
      idx.lookup(9999),
    ]).toEqual([0, 100, 100, 250, 400]);
    const buf = idx.serialize();
    expect(buf.length).toBe(INDEX_HEADER_SIZE + 3 * 8);
    const back = OffsetIndex.parse(buf, 1000, 500);
    expect(back).toBeInstanceOf(OffsetIndex);
    expect((back as OffsetIndex).lookup(1025)).toBe(250);
    idx.truncateToPosition(250);
    expect([idx.entries, idx.lookup(9999), idx.lastPosition]).toEqual([1, 100, 100]);
  });

  it('rejects a wrong version, kind, base offset, partial entry or entries beyond the log', () => {
    const idx = new OffsetIndex(0);
    idx.append(5, 10);
    const good = idx.serialize();
    const bump = (at: number): Buffer => {
      const b = Buffer.from(good);
      b[at]! ^= 1;
      return b;
    };
    expect(typeof OffsetIndex.parse(bump(5), 0, 100)).toBe('string');
    expect(typeof OffsetIndex.parse(bump(6), 0, 100)).toBe('string');
    expect(typeof OffsetIndex.parse(good, 7, 100)).toBe('string');
    expect(typeof OffsetIndex.parse(good.subarray(0, good.length - 1), 0, 100)).toBe('string');
    expect(typeof OffsetIndex.parse(good, 0, 10)).toBe('string');
    expect(typeof OffsetIndex.parse(Buffer.alloc(3), 0, 10)).toBe('string');
  });
});

describe('TimeIndex', () => {
  it('keeps strictly increasing timestamps and looks up the largest entry below a timestamp', () => {
    const idx = new TimeIndex(50);
    idx.maybeAppend(100, 50);
    idx.maybeAppend(100, 55);
    idx.maybeAppend(90, 56);
    idx.maybeAppend(200, 60);
    expect(idx.entries).toBe(2);
    expect([idx.lookup(50), idx.lookup(100), idx.lookup(101), idx.lookup(200), idx.lookup(201)]).toEqual([
      50, 50, 50, 50, 60,
    ]);
    expect(idx.lastTimestamp).toBe(200);
    const back = TimeIndex.parse(idx.serialize(), 50, 100) as TimeIndex;
    expect([back.entries, back.lookup(201)]).toEqual([2, 60]);
    expect(typeof TimeIndex.parse(idx.serialize(), 50, 60)).toBe('string');
    idx.truncateToOffset(60);
    expect(idx.lastTimestamp).toBe(100);
  });
});
