import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPartition } from './default-partitioner.js';
import { murmur2, toPositive } from './murmur2.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);
const require = createRequire(import.meta.url);
// kafkajs's own implementation (a port of the Java client's) is the oracle.
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2.js') as (
  key: Buffer | string,
) => number;
const createKafkajsPartitioner =
  require('kafkajs/src/producer/partitioners/default/index.js') as () => (args: {
    topic: string;
    partitionMetadata: { partitionId: number; leader: number }[];
    message: { key: Buffer | string | null; partition?: number | null };
  }) => number;

describe('murmur2', () => {
  it('matches the Java client vectors (UtilsTest.testMurmur2)', () => {
    const cases: [Uint8Array, number][] = [
      [Buffer.from('21'), -973932308],
      [Buffer.from('foobar'), -790332482],
      [Buffer.from('a-little-bit-long-string'), -985981536],
      [Buffer.from('a-little-bit-longer-string'), -1486304829],
      [Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'), -58897971],
      [new Uint8Array([0x61, 0x62, 0x63]), 479470107],
    ];
    for (const [bytes, expected] of cases) expect(murmur2(bytes)).toBe(expected);
  });

  it('equals kafkajs for arbitrary bytes (every tail length, high bytes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(murmur2(bytes)).toBe(kafkajsMurmur2(Buffer.from(bytes)));
      }),
      { numRuns: runs * 5 },
    );
  });

  it('toPositive clears the sign bit like Utils.toPositive', () => {
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-2147483648)).toBe(0);
    expect(toPositive(5)).toBe(5);
  });
});

describe('defaultPartition', () => {
  it('puts a key on the same partition as kafkajs for any partition count', () => {
    const partitioner = createKafkajsPartitioner();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.uint8Array({ minLength: 0, maxLength: 64 }),
        ),
        fc.integer({ min: 1, max: 1000 }),
        (key, n) => {
          const buf = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
          const partitionMetadata = Array.from({ length: n }, (_, i) => ({ partitionId: i, leader: 0 }));
          const expected = partitioner({ topic: 't', partitionMetadata, message: { key: buf } });
          expect(defaultPartition(buf, n)).toBe(expected);
          if (typeof key === 'string') expect(defaultPartition(key, n)).toBe(expected);
        },
      ),
      { numRuns: runs * 5 },
    );
  });

  it('matches hand-computed Java partitions', () => {
    // toPositive(-973932308) = 1173551340; 1173551340 % 10 = 0
    expect(defaultPartition('21', 10)).toBe(toPositive(-973932308) % 10);
    expect(defaultPartition('foobar', 7)).toBe(toPositive(-790332482) % 7);
  });

  it('rejects a non-positive partition count', () => {
    expect(() => defaultPartition('k', 0)).toThrow(RangeError);
  });
});
