import { describe, expect, it } from 'vitest';
import { murmur3x86_128 } from './key-hash.js';

function hex(input: string, seed: number): string {
  const out = new Int32Array(4);
  const buf = Buffer.from(input, 'latin1');
  murmur3x86_128(buf, 0, buf.length, seed, out);
  return Array.from(out, (w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
}

describe('murmur3x86_128', () => {
  // Vectors from the reference implementation's C port (PeterScott/murmur3 test.c).
  it('matches the reference vectors', () => {
    expect(hex('Hello, world!', 123)).toBe('61c9129e5a1aacd7a41621629e37c886');
    expect(hex('Hello, world!', 321)).toBe('d5fbdcb3c26c4193045880c5a7170f0f');
    expect(hex('xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 123)).toBe('5e40bab278825a164cf929d31fec6047');
    expect(hex('', 0)).toBe('00000000000000000000000000000000');
  });

  it('hashes a sub-range exactly like a copy of it', () => {
    const big = Buffer.from('prefix-Hello, world!-suffix', 'latin1');
    const out = new Int32Array(4);
    murmur3x86_128(big, 7, 20, 123, out);
    expect(Array.from(out, (w) => (w >>> 0).toString(16).padStart(8, '0')).join('')).toBe(
      hex('Hello, world!', 123),
    );
  });

  it('gives distinct hashes for every tail length', () => {
    const seen = new Set<string>();
    for (let n = 0; n <= 40; n++) seen.add(hex('a'.repeat(n), 7));
    expect(seen.size).toBe(41);
  });
});
