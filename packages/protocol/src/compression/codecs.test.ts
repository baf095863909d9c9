import fc from 'fast-check';
import { compressSync } from 'snappy';
import { CompressStream } from 'zstd-napi';
import binding from 'zstd-napi/binding.js';
import { describe, expect, it } from 'vitest';
import { codecs, runs } from '../../test/arbitraries.js';
import { compress, compressionCodecName, decompress } from './codecs.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('compression codecs', () => {
  it('round-trips arbitrary bytes with every codec (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...codecs), fc.uint8Array({ maxLength: 70_000 }), (codec, data) => {
        const buf = Buffer.from(data);
        expect(decompress(codec, compress(codec, buf)).equals(buf)).toBe(true);
      }),
      { numRuns: Math.max(10, Math.floor(runs / 2)) },
    );
  });

  it('maps Kafka codec ids and rejects ids 5-7', () => {
    expect([0, 1, 2, 3, 4].map(compressionCodecName)).toEqual(['none', 'gzip', 'snappy', 'lz4', 'zstd']);
    for (const id of [5, 6, 7])
      expect(codeOf(() => compressionCodecName(id))).toBe('UNSUPPORTED_COMPRESSION_TYPE');
    expect(decompress(3, compress(3, Buffer.from('abc'))).toString()).toBe('abc');
  });

  it('decodes xerial-framed snappy, the Java client format', () => {
    const a = Buffer.from('first block '.repeat(20));
    const b = Buffer.from('second block');
    const ca = compressSync(a);
    const cb = compressSync(b);
    const len = (n: number): Buffer => Buffer.from([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
    const framed = Buffer.concat([
      Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]), // 0x82 'SNAPPY' 0
      Buffer.from([0, 0, 0, 1]), // version 1
      Buffer.from([0, 0, 0, 1]), // minimum compatible version 1
      len(ca.length),
      ca,
      len(cb.length),
      cb,
    ]);
    expect(decompress('snappy', framed).toString()).toBe(a.toString() + b.toString());
    expect(codeOf(() => decompress('snappy', framed.subarray(0, framed.length - 3)))).toBe('CORRUPT_MESSAGE');
  });

  it('decodes zstd frames that do not record their content size (as zstd-jni writes)', async () => {
    const data = Buffer.from('streamed zstd '.repeat(5000));
    const stream = new CompressStream();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => stream.on('end', resolve));
    stream.end(data);
    await done;
    const frame = Buffer.concat(chunks);
    expect(binding.getFrameContentSize(frame)).toBeNull();
    expect(decompress('zstd', frame).equals(data)).toBe(true);
  });

  it('throws CORRUPT_MESSAGE for corrupt or truncated data', () => {
    const data = Buffer.from('some data that compresses '.repeat(100));
    for (const codec of ['gzip', 'snappy', 'lz4', 'zstd'] as const) {
      const packed = compress(codec, data);
      expect(
        codeOf(() => decompress(codec, packed.subarray(0, packed.length >> 1))),
        codec,
      ).toBe('CORRUPT_MESSAGE');
      expect(
        codeOf(() => decompress(codec, Buffer.from('definitely not compressed data'))),
        codec,
      ).toBe('CORRUPT_MESSAGE');
    }
  });
});
