/**
 * Law: whatever bytes arrive, decodeRequest returns a request or throws a ProtocolError
 * (never a TypeError, RangeError or a hang), so a broker can always answer or close.
 * Inputs are random frames and mutations of frames that real clients sent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, ProtocolError } from '../src/index.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);
const ROOT = join(import.meta.dirname, 'fixtures', 'frames');
const captured: Buffer[] = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, d.name))
      .filter((f) => f.includes('-request-'))
      .map((f) => readFileSync(join(ROOT, d.name, f)).subarray(4)),
  );

function decodesOrRejects(frame: Buffer): void {
  try {
    decodeRequest(frame);
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    expect(typeof e.code).toBe('string');
  }
}

describe('decodeRequest on hostile input', () => {
  it('has captured frames to mutate', () => {
    expect(captured.length).toBeGreaterThan(50);
  });

  it('random frames with a known api key and version', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          0,
          1,
          2,
          3,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15,
          16,
          17,
          18,
          19,
          20,
          21,
          22,
          24,
          25,
          26,
          28,
          32,
          33,
          36,
          37,
          42,
          60,
        ),
        fc.integer({ min: 0, max: 17 }),
        fc.uint8Array({ maxLength: 64 }),
        (apiKey, version, rest) => {
          const head = Buffer.alloc(8);
          head.writeInt16BE(apiKey, 0);
          head.writeInt16BE(version, 2);
          decodesOrRejects(Buffer.concat([head, rest]));
        },
      ),
      { numRuns: runs * 10 },
    );
  });

  it('captured frames with bytes changed, cut or appended', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...captured),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.nat(),
        fc.uint8Array({ maxLength: 8 }),
        (frame, flips, cut, tail) => {
          const bytes = Buffer.from(frame);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          decodesOrRejects(bytes);
          decodesOrRejects(bytes.subarray(0, cut % (bytes.length + 1)));
          decodesOrRejects(Buffer.concat([bytes, tail]));
        },
      ),
      { numRuns: runs * 10 },
    );
  });
});
