import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameDecoder } from './frame-decoder.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

const frame = (body: Uint8Array): Buffer => {
  const out = Buffer.alloc(4 + body.length);
  out.writeInt32BE(body.length, 0);
  Buffer.from(body).copy(out, 4);
  return out;
};

describe('FrameDecoder', () => {
  it('yields the same frames however the stream is split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (bodies, cuts) => {
          const stream = Buffer.concat(bodies.map(frame));
          const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
          const d = new FrameDecoder(1000);
          const out: Buffer[] = [];
          let prev = 0;
          for (const p of [...points, stream.length]) {
            out.push(...d.push(stream.subarray(prev, p)));
            prev = p;
          }
          expect(out.map((b) => Buffer.from(b).toString('hex'))).toEqual(
            bodies.map((b) => Buffer.from(b).toString('hex')),
          );
          expect(d.bufferedBytes).toBe(0);
        },
      ),
      { numRuns: runs },
    );
  });

  it('rejects a size above the limit as soon as the prefix is complete', () => {
    const d = new FrameDecoder(10);
    expect(d.push(Buffer.from([0, 0]))).toEqual([]);
    expect(() => d.push(Buffer.from([0, 11]))).toThrow(expect.objectContaining({ code: 'FRAME_TOO_LARGE' }));
    expect(() => new FrameDecoder(10).push(Buffer.from([0xff, 0xff, 0xff, 0xff]))).toThrow(/outside/);
  });
});
