import { describe, expect, it } from 'vitest';
import { compactionState, type CompactionPolicyInput, type CompactionSegment } from './compaction-policy.js';
import { LONG_MAX } from '../config/topic-config.js';

function seg(
  baseOffset: number,
  sizeBytes: number,
  largestTimestamp: number,
  isActive = false,
  firstBatchTimestamp?: number,
): CompactionSegment {
  return firstBatchTimestamp === undefined
    ? { baseOffset, sizeBytes, largestTimestamp, isActive }
    : { baseOffset, sizeBytes, largestTimestamp, isActive, firstBatchTimestamp };
}

const segments = [seg(0, 100, 1000), seg(100, 100, 2000), seg(200, 300, 3000), seg(300, 50, 9000, true)];
const base: CompactionPolicyInput = {
  segments,
  logStartOffset: 0,
  now: 10_000,
  minCleanableDirtyRatio: 0.5,
  minCompactionLagMs: 0,
  maxCompactionLagMs: LONG_MAX,
};

describe('compactionState', () => {
  it('a never-cleaned log is all dirty up to the active segment', () => {
    const s = compactionState(base);
    expect(s.firstDirtyOffset).toBe(0);
    expect(s.firstUncleanableOffset).toBe(300);
    expect(s.cleanBytes).toBe(0);
    expect(s.cleanableBytes).toBe(500);
    expect(s.cleanableRatio).toBe(1);
    expect(s.needsCompaction).toBe(true);
  });

  it('compares dirty / (clean + dirty) with min.cleanable.dirty.ratio, strictly', () => {
    const s = compactionState({ ...base, checkpointOffset: 200 });
    expect(s.cleanBytes).toBe(200);
    expect(s.cleanableRatio).toBe(0.6);
    expect(s.needsCompaction).toBe(true);
    expect(
      compactionState({ ...base, checkpointOffset: 200, minCleanableDirtyRatio: 0.6 }).needsCompaction,
    ).toBe(false);
  });

  it('a fully cleaned log needs nothing', () => {
    const s = compactionState({ ...base, checkpointOffset: 300 });
    expect(s.cleanableBytes).toBe(0);
    expect(s.needsCompaction).toBe(false);
  });

  it('resets a checkpoint outside the log to the log start', () => {
    expect(compactionState({ ...base, logStartOffset: 100, checkpointOffset: 50 }).firstDirtyOffset).toBe(
      100,
    );
    expect(compactionState({ ...base, checkpointOffset: 999 }).firstDirtyOffset).toBe(0);
  });

  it('min.compaction.lag.ms stops the range at the first dirty segment that is too young', () => {
    // lag 8000 -> cutoff 2000: segments whose largest timestamp is <= 2000 are old enough, 200 (3000) is not.
    expect(compactionState({ ...base, minCompactionLagMs: 8000 }).firstUncleanableOffset).toBe(200);
    expect(compactionState({ ...base, minCompactionLagMs: 9500 }).firstUncleanableOffset).toBe(0);
    expect(compactionState({ ...base, minCompactionLagMs: 9500 }).needsCompaction).toBe(false);
  });

  it('never cleans past the last stable offset', () => {
    // Whole segments only: the one holding the LSO is not cleaned (nor counted as cleanable).
    const s = compactionState({ ...base, lastStableOffset: 150 });
    expect(s.firstUncleanableOffset).toBe(100);
    expect(s.cleanableBytes).toBe(100);
    expect(compactionState({ ...base, lastStableOffset: 200 }).firstUncleanableOffset).toBe(200);
    expect(compactionState({ ...base, lastStableOffset: 0 }).firstUncleanableOffset).toBe(0);
  });

  it('max.compaction.lag.ms forces cleaning of an old dirty segment below the ratio', () => {
    const segs = [
      seg(0, 1000, 1000, false, 500),
      seg(100, 10, 2000, false, 1500),
      seg(200, 10, 9000, true, 8000),
    ];
    const cold = compactionState({ ...base, segments: segs, checkpointOffset: 100 });
    expect(cold.needsCompaction).toBe(false);
    const hot = compactionState({ ...base, segments: segs, checkpointOffset: 100, maxCompactionLagMs: 5000 });
    expect(hot.maxCompactionDelayMs).toBe(10_000 - 5000 - 1500);
    expect(hot.needsCompaction).toBe(true);
  });
});
