/**
 * Bounds the memory held by the indexes of inactive segments: the most recently used ones
 * stay loaded, older ones are dropped (they reload from their files on demand). Together with
 * the descriptor cache this keeps a partition with thousands of segments small.
 */
import type { LogSegment } from './log-segment.js';

/** Default number of inactive segments whose indexes stay in memory, per partition. */
export const DEFAULT_RESIDENT_INDEXES = 64;

export class IndexResidency {
  private readonly lru = new Set<LogSegment>();

  constructor(readonly capacity: number = DEFAULT_RESIDENT_INDEXES) {}

  /** Mark `seg`'s indexes as just used, dropping the least recently used beyond capacity. */
  touch(seg: LogSegment): void {
    if (!seg.indexesLoaded) return;
    this.lru.delete(seg);
    this.lru.add(seg);
    if (this.lru.size <= this.capacity) return;
    for (const s of this.lru) {
      if (this.lru.size <= this.capacity) break;
      // Active or pinned segments refuse; they are dropped on a later pass.
      if (s.unloadIndexes() || !s.indexesLoaded) this.lru.delete(s);
    }
  }

  /** Forget a deleted or replaced segment. */
  forget(seg: LogSegment): void {
    this.lru.delete(seg);
  }

  get size(): number {
    return this.lru.size;
  }
}
