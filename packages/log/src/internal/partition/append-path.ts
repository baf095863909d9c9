/**
 * A partition's write side: offsets are assigned in call order (producer state checked and applied
 * synchronously first), writes run one at a time on a chain (one positional write per append),
 * the active segment rolls when full or old, and an append resolves once its offsets are below
 * the high watermark (durable under the topic's flush policy). Any write failure fails the
 * partition (see Partition.fail).
 */
import { storageError } from '../../errors.js';
import { flushPolicyOf } from '../durability/flush-policy.js';
import { clearProducersDirty, markProducersDirty } from '../producer/dirty-marker.js';
import type { BatchMetadata } from '../producer/producer-entry.js';
import { writeProducerSnapshot } from '../producer/snapshot-files.js';
import type { AbortedTxn } from '../producer/txn-index.js';
import { type AppendedBatch, LogSegment } from '../segment/log-segment.js';
import { assignOffsets, type PreparedAppend } from './append-prep.js';
import { writeCheckpoint } from './checkpoint.js';
import type { Partition } from './partition.js';
import type { AppendResult } from './types.js';

const MAX_RELATIVE_OFFSET = 0x7fffffff;

export class AppendPath {
  /** The next offset to assign. */
  nextOffset: number;
  /** One past the last offset written to the active segment (durable or not). */
  writtenEnd: number;
  private writeChain: Promise<void> = Promise.resolve();

  constructor(
    private readonly p: Partition,
    end: number,
  ) {
    this.nextOffset = end;
    this.writtenEnd = end;
  }

  append(prep: PreparedAppend): Promise<AppendResult> {
    const p = this.p;
    const base = this.nextOffset;
    let aborted: AbortedTxn[] = [];
    if (prep.producers !== null) {
      // Checked and applied synchronously, in offset order, before the offsets are taken.
      const now = p.clock.now();
      const prepared = p.producers.prepare(prep.producers, base, now, `${p.topic}-${p.partition}`);
      if (prepared.duplicate !== null) return this.ackDuplicate(prepared.duplicate);
      aborted = p.producers.commit(prepared, now);
    }
    const last = base + prep.offsetCount - 1;
    this.nextOffset = last + 1;
    const { data, batches } = assignOffsets(prep, base);
    // A marker ends a transaction that its coordinator waits on: it skips the group-commit window.
    const urgent = prep.producers !== null && prep.producers.some((b) => b.control !== null);
    const hasProducers = prep.producers !== null;
    const written = this.exclusive(() =>
      this.write(data, batches, prep.offsetCount, aborted, urgent, hasProducers),
    );
    return written.then(async ({ policyFlush }) => {
      if (policyFlush !== null) {
        await policyFlush.catch((e: unknown) => {
          throw p.failed ?? e;
        });
      }
      if (p.failed !== null && p.watermark.value <= last) throw p.failed;
      await p.watermark.waitAck(last);
      return { baseOffset: base, lastOffset: last, logAppendTime: prep.logAppendTime, logStartOffset: p.lso };
    });
  }

  /** Run `fn` once no write is in flight, and hold later writes until it is done. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writeChain.then(fn);
    // Sequencing only: a failed write fails the partition and rejects through `run`.
    this.writeChain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Resolves when every write queued so far has finished. */
  idle(): Promise<void> {
    return this.writeChain;
  }

  /** A retry of a batch in the dedup window: acknowledged with its original offsets once they are durable. */
  private async ackDuplicate(d: BatchMetadata): Promise<AppendResult> {
    const p = this.p;
    if (p.watermark.value <= d.lastOffset) {
      if (p.failed !== null) throw p.failed;
      await p.watermark.waitAck(d.lastOffset);
    }
    return { baseOffset: d.firstOffset, lastOffset: d.lastOffset, logAppendTime: -1, logStartOffset: p.lso };
  }

  /** Returns the policy flush to await before acknowledging (wrapped: a bare promise would be flattened). */
  private async write(
    data: Buffer,
    batches: readonly AppendedBatch[],
    count: number,
    aborted: readonly AbortedTxn[],
    urgent: boolean,
    hasProducers: boolean,
  ): Promise<{ policyFlush: Promise<void> | null }> {
    const p = this.p;
    if (p.failed !== null) throw p.failed;
    const now = p.clock.now();
    const first = batches[0]!;
    const last = batches[batches.length - 1]!;
    if (shouldRoll(p, data.length, now, last.lastOffset)) await this.roll(first.baseOffset);
    try {
      // Durable before the batch can be: recovery must know to replay producer state.
      if (hasProducers && !p.producersDirty) {
        await markProducersDirty(p.io, p.dir);
        p.producersDirty = true;
      }
      if (aborted.length > 0) {
        // Indexed durably before the ABORT marker can be: a snapshot taken later must never
        // cover a marker whose entry was lost. An entry whose marker is lost instead lies past
        // the replay point and is dropped by recovery.
        const base = p.active.baseOffset;
        await p.producers.txnIndex.persist(aborted, base);
        for (const a of aborted) p.producers.txnIndex.add(a, base);
      }
      await p.active.append(data, batches, now);
    } catch (e) {
      throw p.fail(storageError(`writing ${p.active.logPath}`, e));
    }
    this.writtenEnd = last.lastOffset + 1;
    const policyFlush = p.flusher.written(this.writtenEnd, count);
    // A failed fsync reaches the waiting append through the partition's failure.
    if (urgent && policyFlush === null) p.flusher.flush().then(undefined, () => undefined);
    if (flushPolicyOf(p.topicConfig).kind === 'interval') p.watermark.advance(this.writtenEnd);
    return { policyFlush };
  }

  /** Close the active segment durably and start a new one at `baseOffset`. */
  async roll(baseOffset: number): Promise<void> {
    const p = this.p;
    await p.withRollLock(async () => {
      try {
        await p.active.makeInactive();
        const seg = await LogSegment.create(p.ctx, baseOffset);
        const jitter = p.topicConfig['segment.jitter.ms'];
        seg.rollJitterMs = jitter > 0 ? Math.floor(Math.random() * jitter) : 0;
        await p.io.syncDir(p.dir);
        p.segments.push(seg);
        // Producer state of every offset assigned so far; recovery discards it if the log ends before it.
        await writeProducerSnapshot(p.io, p.dir, this.nextOffset, p.producers.snapshot());
        p.recoveryPoint = baseOffset;
        await writeCheckpoint(p.io, p.dir, { recoveryPoint: baseOffset, logStartOffset: p.lso });
      } catch (e) {
        throw p.fail(storageError(`rolling ${p.topic}-${p.partition} to a new segment at ${baseOffset}`, e));
      }
    });
    p.flusher.markDurable(baseOffset);
  }

  /**
   * The clean-close half of the write side (no write in flight, the flusher stopped): sync the
   * active segment and its indexes, make everything visible, and record that nothing needs
   * recovery — a producer snapshot covering the whole log and a recovery point at its end.
   */
  async closeCleanly(): Promise<void> {
    const p = this.p;
    const end = this.writtenEnd;
    await p.withRollLock(async () => {
      await p.active.sync();
      await p.active.writeIndexes();
    });
    p.watermark.advance(end);
    await writeProducerSnapshot(p.io, p.dir, end, p.producers.snapshot());
    // The snapshot covers the whole (synced) log: no replay is needed until the next producer batch.
    await clearProducersDirty(p.io, p.dir);
    p.producersDirty = false;
    p.recoveryPoint = end;
    await writeCheckpoint(p.io, p.dir, { recoveryPoint: end, logStartOffset: p.lso });
  }
}

/** Kafka's roll conditions: size, age (with jitter), full indexes, offsets beyond a 32-bit delta. */
function shouldRoll(p: Partition, bytes: number, now: number, lastOffset: number): boolean {
  const seg = p.active;
  if (seg.size === 0) return false;
  const c = p.topicConfig;
  if (seg.size + bytes > c['segment.bytes']) return true;
  if (seg.rollBaseTime !== null && now - seg.rollBaseTime > c['segment.ms'] - seg.rollJitterMs) return true;
  const maxEntries = Math.floor(c['segment.index.bytes'] / 12);
  if ((seg.offsetIndex?.entries ?? 0) >= maxEntries || (seg.timeIndex?.entries ?? 0) >= maxEntries)
    return true;
  return lastOffset - seg.baseOffset > MAX_RELATIVE_OFFSET;
}
