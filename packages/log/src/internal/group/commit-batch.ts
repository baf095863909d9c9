/**
 * The per-partition half of an offset commit, shared by OffsetCommit and TxnOffsetCommit: check
 * each partition (exists, metadata size, offset value), collect the valid ones to store, and shape
 * the per-partition result.
 */
import type { CoordinatorContext } from './context.js';
import { storeErrorCode } from './context.js';
import { ERR } from './error-codes.js';
import type { OffsetToStore } from './group-store.js';
import type { OffsetCommitPartition, OffsetCommitResult, OffsetCommitTopic } from './group-types.js';
import { partitionCount } from './topic-partitions.js';

export class CommitBatch {
  /** Error code per [topic][partition] of the request. */
  private readonly codes: number[][];
  readonly toStore: OffsetToStore[] = [];
  private readonly where: [number, number][] = [];

  constructor(
    private readonly topics: readonly OffsetCommitTopic[],
    code: number,
  ) {
    this.codes = topics.map((t) => t.partitions.map(() => code));
  }

  /** Validate every partition; the valid ones go to `toStore`. */
  validate(ctx: CoordinatorContext): void {
    const now = ctx.clock.now();
    this.topics.forEach((t, i) => {
      let count = 0;
      let lookupError: number = ERR.NONE;
      try {
        count = partitionCount(ctx.engine, t.name);
      } catch (e) {
        // The engine cannot answer (closed, failed): the commit cannot be stored either.
        lookupError = storeErrorCode(e, true);
      }
      t.partitions.forEach((p, j) => {
        const metadata = p.committedMetadata ?? '';
        const code = lookupError !== ERR.NONE ? lookupError : partitionError(ctx, p, count, metadata);
        this.codes[i]![j] = code;
        if (code !== ERR.NONE) return;
        this.toStore.push({
          topic: t.name,
          partition: p.partitionIndex,
          value: {
            offset: p.committedOffset,
            leaderEpoch: p.committedLeaderEpoch ?? -1,
            metadata,
            commitTimestamp: now,
            expireTimestamp: -1,
          },
        });
        this.where.push([i, j]);
      });
    });
  }

  /** The write of `toStore` failed with `code`. */
  failStored(code: number): void {
    for (const [i, j] of this.where) this.codes[i]![j] = code;
  }

  result(): OffsetCommitResult {
    return {
      topics: this.topics.map((t, i) => ({
        name: t.name,
        partitions: t.partitions.map((p, j) => ({
          partitionIndex: p.partitionIndex,
          errorCode: this.codes[i]![j]!,
        })),
      })),
    };
  }
}

function partitionError(
  ctx: CoordinatorContext,
  p: OffsetCommitPartition,
  count: number,
  metadata: string,
): number {
  if (!Number.isInteger(p.partitionIndex) || p.partitionIndex < 0 || p.partitionIndex >= count) {
    return ERR.UNKNOWN_TOPIC_OR_PARTITION;
  }
  if (metadata.length > ctx.config['offset.metadata.max.bytes']) return ERR.OFFSET_METADATA_TOO_LARGE;
  if (!Number.isSafeInteger(p.committedOffset) || p.committedOffset < -1) return ERR.INVALID_REQUEST;
  return ERR.NONE;
}
