import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRetention, type RetentionInput, type RetentionSegment } from './retention.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

function seg(
  baseOffset: number,
  sizeBytes: number,
  largestTimestamp: number,
  isActive = false,
): RetentionSegment {
  return { baseOffset, sizeBytes, largestTimestamp, isActive };
}

const base: Omit<RetentionInput, 'segments'> = {
  retentionMs: -1,
  retentionBytes: -1,
  deleteEnabled: true,
  now: 10_000,
  logStartOffset: 0,
  logEndOffset: 400,
};

const segments = [seg(0, 100, 1000), seg(100, 100, 2000), seg(200, 100, 3000), seg(300, 50, 9000, true)];

describe('decideRetention', () => {
  it('deletes nothing when both limits are disabled', () => {
    expect(decideRetention({ ...base, segments })).toEqual({
      deleteCount: 0,
      reasons: [],
      newLogStartOffset: 0,
      rollActive: false,
    });
  });

  it('deletes leading segments whose largest timestamp is older than now - retention.ms', () => {
    // cutoff = 10000 - 7500 = 2500: segments ending at 1000 and 2000 go, 3000 stays.
    const d = decideRetention({ ...base, segments, retentionMs: 7500 });
    expect(d).toEqual({
      deleteCount: 2,
      reasons: ['retention.ms', 'retention.ms'],
      newLogStartOffset: 200,
      rollActive: false,
    });
  });

  it('keeps a segment exactly at the cutoff (strictly older only)', () => {
    expect(decideRetention({ ...base, segments, retentionMs: 9000 }).deleteCount).toBe(0);
    expect(decideRetention({ ...base, segments, retentionMs: 8999 }).deleteCount).toBe(1);
  });

  it('stops at the first young segment even if later ones are old', () => {
    const odd = [seg(0, 100, 5000), seg(100, 100, 1000), seg(200, 10, 9000, true)];
    expect(decideRetention({ ...base, segments: odd, retentionMs: 7000 }).deleteCount).toBe(0);
  });

  it('size retention deletes oldest segments while total - size >= retention.bytes', () => {
    // total 350, retention.bytes 200: 150 bytes over; the first 100-byte segment goes, the next would leave 150 < 200.
    const d = decideRetention({ ...base, segments, retentionBytes: 200 });
    expect(d.deleteCount).toBe(1);
    expect(d.reasons).toEqual(['retention.bytes']);
    expect(decideRetention({ ...base, segments, retentionBytes: 150 }).deleteCount).toBe(2);
    expect(decideRetention({ ...base, segments, retentionBytes: 351 }).deleteCount).toBe(0);
  });

  it('never deletes the active segment: it flags a roll when it is expired too', () => {
    const d = decideRetention({ ...base, segments, retentionMs: 100 });
    expect(d).toEqual({
      deleteCount: 3,
      reasons: ['retention.ms', 'retention.ms', 'retention.ms'],
      newLogStartOffset: 300,
      rollActive: true,
    });
    // An empty active segment is not rolled.
    const empty = [seg(0, 100, 1000), seg(100, 0, -1, true)];
    expect(
      decideRetention({ ...base, segments: empty, retentionMs: 100, logEndOffset: 100 }).rollActive,
    ).toBe(false);
  });

  it('retention.bytes = 0 deletes everything and asks for a roll', () => {
    const d = decideRetention({ ...base, segments, retentionBytes: 0 });
    expect(d.deleteCount).toBe(3);
    expect(d.rollActive).toBe(true);
  });

  it('applies only the log-start rule when delete is not in the policy', () => {
    const d = decideRetention({
      ...base,
      segments,
      retentionMs: 0,
      retentionBytes: 0,
      deleteEnabled: false,
      logStartOffset: 250,
    });
    expect(d).toEqual({
      deleteCount: 2,
      reasons: ['log-start-offset', 'log-start-offset'],
      newLogStartOffset: 250,
      rollActive: false,
    });
  });

  it('does not delete segments above the high watermark', () => {
    expect(decideRetention({ ...base, segments, retentionMs: 100, highWatermark: 150 }).deleteCount).toBe(1);
  });

  it('model: deleted segments are a prefix, each breached by its reason, never the active one', () => {
    const arb = fc
      .array(
        fc.tuple(
          fc.integer({ min: 1, max: 20 }),
          fc.integer({ min: 0, max: 1000 }),
          fc.integer({ min: 0, max: 100 }),
        ),
        {
          minLength: 1,
          maxLength: 12,
        },
      )
      .map((specs) => {
        let offset = 0;
        return specs.map(([count, size, ts], i) => {
          const s = seg(offset, size, ts, i === specs.length - 1);
          offset += count;
          return s;
        });
      });
    fc.assert(
      fc.property(
        arb,
        fc.integer({ min: -1, max: 120 }),
        fc.integer({ min: -1, max: 6000 }),
        (all, retentionMs, retentionBytes) => {
          const last = all[all.length - 1]!;
          // Retention runs periodically; each rule sweeps once per call, in Kafka's order, so a later
          // rule can expose segments an earlier one stopped at. Iterate to the fixpoint, then check it.
          let segs = all;
          let logStartOffset = 0;
          let d;
          for (;;) {
            d = decideRetention({
              ...base,
              segments: segs,
              now: 100,
              retentionMs,
              retentionBytes,
              logEndOffset: last.baseOffset + 5,
              logStartOffset,
            });
            expect(d.deleteCount).toBeLessThan(segs.length);
            let total = segs.reduce((a, s) => a + s.sizeBytes, 0);
            d.reasons.forEach((reason, i) => {
              const s = segs[i]!;
              if (reason === 'retention.ms') expect(s.largestTimestamp).toBeLessThan(100 - retentionMs);
              if (reason === 'retention.bytes')
                expect(total - s.sizeBytes).toBeGreaterThanOrEqual(retentionBytes);
              total -= s.sizeBytes;
            });
            expect(d.newLogStartOffset).toBe(segs[d.deleteCount]!.baseOffset);
            if (d.deleteCount === 0) break;
            segs = segs.slice(d.deleteCount);
            logStartOffset = d.newLogStartOffset;
          }
          // Maximality at the fixpoint: the first kept segment is breached by no rule (or, active, is flagged for a roll).
          const total = segs.reduce((a, s) => a + s.sizeBytes, 0);
          const kept = segs[0]!;
          const expired = retentionMs >= 0 && kept.largestTimestamp < 100 - retentionMs;
          const oversize = retentionBytes >= 0 && total - kept.sizeBytes >= retentionBytes;
          if (!kept.isActive) expect(expired || oversize).toBe(false);
          else expect(d.rollActive).toBe(kept.sizeBytes > 0 && (expired || oversize));
        },
      ),
      { numRuns: runs },
    );
  });
});
