/**
 * The log manager: Rill's LogManager retention schedule plus Kafka's LogCleaner thread, over the
 * engine's partitions.
 *
 * - Retention runs every `log.retention.check.interval.ms` on the engine clock, over every
 *   partition (time and size rules for policies containing `delete`; the log-start rule for all).
 * - The cleaner (when `log.cleaner.enable`) repeatedly picks the dirtiest compacted partition
 *   (highest cleanable ratio among those that need compaction; a partition whose tombstone
 *   horizon has passed comes last), runs one pass over it, and sleeps `log.cleaner.backoff.ms`
 *   when none needs cleaning. One offset map of `log.cleaner.dedupe.buffer.size` bytes is
 *   shared by every pass, as by one Kafka cleaner thread.
 *
 * Retention and cleaning of the same partition may overlap (the partition holds back deletion of
 * segments under replacement); two cleanings of one partition never do. A partition whose pass
 * fails unexpectedly is marked uncleanable until reopened (Kafka does the same) and the error is
 * reported. `close()` stops the timers, aborts the running pass and waits for it, so nothing is
 * written after the engine closes.
 */
import { LogError } from '../../errors.js';
import { CleanerError } from '../cleaner/cleaner-error.js';
import type { CleanerPassResult } from '../cleaner/cleaner-pass.js';
import { OffsetMap } from '../cleaner/offset-map.js';
import type { Clock, TimerHandle } from '../clock/clock.js';
import type { CleanerSettings } from '../config/broker-config.js';
import type { Partition } from '../partition/partition.js';
import { backgroundTimer } from './background-timer.js';
import { abortableThrottle, compactPartition, segmentsVanished } from './compact-partition.js';
import {
  inspect,
  PartitionCleanState,
  runPass,
  wantsCleaning,
  type Inspection,
} from './partition-cleaner.js';
import { RetentionSchedule } from './retention-schedule.js';
import type {
  BackgroundErrorContext,
  CleanerThrottle,
  CompactionResult,
  CompactOptions,
  RetentionResult,
} from './types.js';

export interface LogManagerOptions {
  readonly clock: Clock;
  readonly retentionCheckIntervalMs: number;
  readonly cleaner: CleanerSettings;
  /** Every open partition, read afresh on each round (topics come and go). */
  readonly partitions: () => Iterable<Partition>;
  readonly throttle?: CleanerThrottle;
  readonly onError: (error: unknown, context: BackgroundErrorContext) => void;
}

/** Per-partition bookkeeping. */
class Slot {
  readonly clean = new PartitionCleanState();
  cleaning: Promise<unknown> = Promise.resolve();
  paused = 0;
  pass: AbortController | null = null;
  uncleanable: unknown = null;
  /** A horizon a pass already ran for; if it is still there afterwards, it is not re-run. */
  spentHorizon = -1;
}

const isCompacted = (p: Partition): boolean => p.topicConfig['cleanup.policy'].includes('compact');

export class LogManager {
  private readonly slots = new WeakMap<Partition, Slot>();
  private readonly stop = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly retention: RetentionSchedule;
  private cleanerLoop: Promise<void> | null = null;
  private sleeping: { timer: TimerHandle; wake: () => void } | null = null;
  private sharedMap: OffsetMap | null = null;
  private mapLock: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: LogManagerOptions) {
    this.retention = new RetentionSchedule({
      clock: o.clock,
      intervalMs: o.retentionCheckIntervalMs,
      partitions: o.partitions,
      isPaused: (p) => this.slot(p).paused > 0,
      onError: o.onError,
    });
  }

  private get stopped(): boolean {
    return this.stop.signal.aborted;
  }

  /** Start the retention schedule and, if enabled, the background cleaner. */
  start(): void {
    this.retention.start();
    if (this.o.cleaner.enable) this.cleanerLoop = this.runCleaner();
  }

  /** Apply retention to `partitions` now (failed partitions are skipped). */
  runRetention(partitions: readonly Partition[]): Promise<RetentionResult[]> {
    return this.track(async () => {
      const out: RetentionResult[] = [];
      for (const p of partitions) {
        const r = await this.retention.retain(p);
        if (r !== null) out.push(r);
      }
      return out;
    });
  }

  /**
   * Compact `p` now, ignoring `min.cleanable.dirty.ratio`: passes until the cleanable range
   * (as of the call) is covered, plus one pass if a tombstone's delete horizon has passed.
   */
  compact(p: Partition, options: CompactOptions = {}): Promise<CompactionResult> {
    return this.track(() => {
      if (!isCompacted(p)) {
        throw new LogError(
          'INVALID_REQUEST',
          `${p.topic} has cleanup.policy=${p.topicConfig['cleanup.policy']}, which does not compact`,
        );
      }
      const slot = this.slot(p);
      return this.exclusiveClean(slot, async () => {
        const size = options.dedupeBufferBytes;
        const run = (map: OffsetMap): Promise<CompactionResult> =>
          compactPartition({
            p,
            state: slot.clean,
            clock: this.o.clock,
            untilDone: options.untilDone !== false,
            pass: (i, now) => this.pass(p, slot, i, map, now),
          });
        const result =
          size === undefined
            ? await this.withSharedMap(run)
            : await run(new OffsetMap({ bufferBytes: size, loadFactor: this.o.cleaner.dedupeLoadFactor }));
        slot.uncleanable = null;
        return result;
      });
    });
  }

  /**
   * Stop maintenance of `partitions` (topic deletion): abort their running pass and wait until
   * nothing touches them. Returns the function that lifts the pause.
   */
  async pause(partitions: readonly Partition[]): Promise<() => void> {
    const slots = partitions.map((p) => this.slot(p));
    for (const s of slots) {
      s.paused++;
      s.pass?.abort(new LogError('UNKNOWN_TOPIC_OR_PARTITION', 'the topic is being deleted'));
    }
    await Promise.allSettled([
      ...slots.map((s) => s.cleaning),
      ...partitions.map((p) => this.retention.idle(p)),
    ]);
    return () => {
      for (const s of slots) s.paused--;
    };
  }

  /** Stop timers, abort the running pass and wait for all maintenance to finish. */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.stop.abort(new LogError('CLOSED', 'The log engine is closed'));
    if (this.sleeping !== null) {
      this.sleeping.timer.cancel();
      this.sleeping.wake();
    }
    await Promise.allSettled([this.cleanerLoop, this.retention.close(), ...this.inFlight]);
  }

  private slot(p: Partition): Slot {
    let s = this.slots.get(p);
    if (s === undefined) {
      s = new Slot();
      this.slots.set(p, s);
    }
    return s;
  }

  private track<T>(fn: () => Promise<T>): Promise<T> {
    if (this.stopped) return Promise.reject(new LogError('CLOSED', 'The log engine is closed'));
    let run: Promise<T>;
    try {
      run = fn();
    } catch (e) {
      return Promise.reject(e);
    }
    this.inFlight.add(run);
    const forget = (): void => void this.inFlight.delete(run);
    run.then(forget, forget);
    return run;
  }

  // ---- cleaning ----

  private exclusiveClean<T>(slot: Slot, fn: () => Promise<T>): Promise<T> {
    const run = slot.cleaning.then(() => {
      if (this.stopped) throw new LogError('CLOSED', 'The log engine is closed');
      if (slot.paused > 0) throw new LogError('UNKNOWN_TOPIC_OR_PARTITION', 'the topic is being deleted');
      return fn();
    });
    slot.cleaning = run.catch(() => undefined);
    return run;
  }

  private withSharedMap<T>(fn: (map: OffsetMap) => Promise<T>): Promise<T> {
    const run = this.mapLock.then(() => {
      this.sharedMap ??= new OffsetMap({
        bufferBytes: this.o.cleaner.dedupeBufferSize,
        loadFactor: this.o.cleaner.dedupeLoadFactor,
      });
      return fn(this.sharedMap);
    });
    this.mapLock = run.catch(() => undefined);
    return run;
  }

  private async pass(
    p: Partition,
    slot: Slot,
    i: Inspection,
    map: OffsetMap,
    now: number,
  ): Promise<CleanerPassResult> {
    const ac = new AbortController();
    const onStop = (): void => ac.abort(this.stop.signal.reason);
    this.stop.signal.addEventListener('abort', onStop);
    slot.pass = ac;
    const horizonBefore = i.checkpoint.deleteHorizonMs;
    try {
      const throttle = abortableThrottle(this.o.throttle, p, ac.signal);
      const result = await runPass(p, slot.clean, i, {
        map,
        now,
        ioBufferBytes: this.o.cleaner.ioBufferSize,
        signal: ac.signal,
        ...(throttle === undefined ? {} : { throttle }),
      });
      if (i.horizonDue) slot.spentHorizon = horizonBefore;
      return result;
    } finally {
      slot.pass = null;
      this.stop.signal.removeEventListener('abort', onStop);
    }
  }

  private async runCleaner(): Promise<void> {
    while (!this.stopped) {
      const worked = await this.cleanFilthiest();
      if (!worked && !this.stopped) await this.sleep(this.o.cleaner.backoffMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        this.sleeping = null;
        resolve();
      };
      this.sleeping = { timer: backgroundTimer(this.o.clock, wake, ms), wake };
    });
  }

  /** One round of the cleaner thread: clean the dirtiest partition once. False if none needed it. */
  private async cleanFilthiest(): Promise<boolean> {
    const now = this.o.clock.now();
    let best: { p: Partition; slot: Slot; score: number } | null = null;
    for (const p of [...this.o.partitions()]) {
      if (this.stopped) return false;
      const slot = this.slot(p);
      if (!isCompacted(p) || p.failed !== null || slot.paused > 0 || slot.uncleanable !== null) continue;
      let i: Inspection;
      try {
        i = await inspect(p, slot.clean, now);
      } catch (e) {
        this.onCleanerError(p, slot, e);
        continue;
      }
      if (!this.due(i, slot)) continue;
      // Dirtiest first; a pass only for an expired tombstone horizon ranks below any dirty log.
      const score = i.state.needsCompaction ? 1 + i.state.cleanableRatio : 0;
      if (best === null || score > best.score) best = { p, slot, score };
    }
    if (best === null) return false;
    const { p, slot } = best;
    try {
      await this.exclusiveClean(slot, () =>
        this.withSharedMap(async (map) => {
          const t = this.o.clock.now();
          const i = await inspect(p, slot.clean, t);
          if (this.due(i, slot)) await this.pass(p, slot, i, map, t);
        }),
      );
    } catch (e) {
      this.onCleanerError(p, slot, e);
    }
    return true;
  }

  private due(i: Inspection, slot: Slot): boolean {
    const horizonDue = i.horizonDue && i.checkpoint.deleteHorizonMs !== slot.spentHorizon;
    return wantsCleaning({ ...i, horizonDue });
  }

  private onCleanerError(p: Partition, slot: Slot, e: unknown): void {
    const stoppedHere = this.stopped || slot.paused > 0;
    if (stoppedHere && (e instanceof CleanerError || e instanceof LogError)) return;
    // The log changed under the pass (DeleteRecords removed a segment it was about to
    // read or replace): nothing is wrong with the partition, the next round starts afresh.
    if (segmentsVanished(e)) return;
    slot.uncleanable = e;
    this.o.onError(e, { task: 'cleaner', topic: p.topic, partition: p.partition });
  }
}
