/**
 * A partition's producer state (Kafka's ProducerStateManager): producer entries for idempotence,
 * the open transactions and the aborted-transactions index, from which the last stable offset
 * follows. Appends are checked against a staged copy of the entries they touch and committed only
 * when the append is accepted, so a rejected append changes nothing.
 */
import type { FileIO } from '../io/file-io.js';
import { applyBatch, type CompletedTxn, type ProducerBatchInfo } from './append-check.js';
import { type BatchMetadata, cloneEntry, newEntry, type ProducerEntry } from './producer-entry.js';
import { serializeSnapshot } from './snapshot.js';
import { type AbortedTxn, TxnIndex } from './txn-index.js';

/** Kafka's producer.id.expiration.ms default (1 day). */
export const DEFAULT_PRODUCER_ID_EXPIRATION_MS = 86_400_000;
/** Kafka's producer.id.expiration.check.interval.ms default (10 minutes). */
export const DEFAULT_PRODUCER_ID_EXPIRATION_CHECK_INTERVAL_MS = 600_000;

export interface ProducerStateOptions {
  /** Forget a producer this long after its last append unless it has an open transaction. */
  readonly producerIdExpirationMs?: number;
  /** How often an append checks for expired producers. */
  readonly producerIdExpirationCheckIntervalMs?: number;
}

/** The outcome of checking an append's batches, applied by {@link ProducerState.commit}. */
export interface PreparedProducers {
  /** Set when the append retries a batch still in the dedup window: answer with its offsets. */
  readonly duplicate: BatchMetadata | null;
  readonly staged: ReadonlyMap<number, ProducerEntry> | null;
  readonly started: readonly { readonly producerId: number; readonly firstOffset: number }[];
  readonly completed: readonly CompletedTxn[];
}

const NOTHING: PreparedProducers = { duplicate: null, staged: null, started: [], completed: [] };

export class ProducerState {
  readonly entries = new Map<number, ProducerEntry>();
  /** producerId -> first offset of its open transaction. */
  private readonly ongoing = new Map<number, number>();
  /** Completed transactions whose marker is not yet below the high watermark, in marker order. */
  private unreplicated: CompletedTxn[] = [];
  readonly txnIndex: TxnIndex;
  private readonly expirationMs: number;
  private readonly checkIntervalMs: number;
  private lastExpiryCheck = -Infinity;

  constructor(io: FileIO, dir: string, options: ProducerStateOptions = {}) {
    this.txnIndex = new TxnIndex(io, dir);
    this.expirationMs = options.producerIdExpirationMs ?? DEFAULT_PRODUCER_ID_EXPIRATION_MS;
    this.checkIntervalMs =
      options.producerIdExpirationCheckIntervalMs ?? DEFAULT_PRODUCER_ID_EXPIRATION_CHECK_INTERVAL_MS;
  }

  /**
   * Check batches about to be written from `baseOffset` on.
   * @throws LogError from the producer rules (see append-check.ts); nothing is changed then.
   */
  prepare(
    batches: readonly ProducerBatchInfo[],
    baseOffset: number,
    now: number,
    where: string,
    strict = true,
  ): PreparedProducers {
    let staged: Map<number, ProducerEntry> | null = null;
    let started: { producerId: number; firstOffset: number }[] | null = null;
    let completed: CompletedTxn[] | null = null;
    let offset = baseOffset;
    for (const b of batches) {
      const first = offset;
      offset += b.lastOffsetDelta + 1;
      if (b.producerId < 0) continue;
      staged ??= new Map();
      let e = staged.get(b.producerId);
      if (e === undefined) {
        const existing = this.entries.get(b.producerId);
        e = existing === undefined ? newEntry(b.producerId) : cloneEntry(existing);
        staged.set(b.producerId, e);
      }
      const r = applyBatch(e, b, first, now, where, strict);
      if (r.kind === 'duplicate') return { duplicate: r.batch, staged: null, started: [], completed: [] };
      if (r.txnStarted) (started ??= []).push({ producerId: b.producerId, firstOffset: first });
      if (r.completed !== null) (completed ??= []).push(r.completed);
    }
    if (staged === null) return NOTHING;
    return { duplicate: null, staged, started: started ?? [], completed: completed ?? [] };
  }

  /** Apply a prepared append. @returns the aborted transactions it ends, for the index. */
  commit(p: PreparedProducers, now: number, expire = true): AbortedTxn[] {
    if (p.staged === null) return [];
    for (const [pid, e] of p.staged) this.entries.set(pid, e);
    for (const s of p.started) this.ongoing.set(s.producerId, s.firstOffset);
    let aborted: AbortedTxn[] | null = null;
    for (const c of p.completed) {
      this.ongoing.delete(c.producerId);
      this.unreplicated.push(c);
      if (c.aborted) {
        let lso = c.lastOffset + 1;
        for (const f of this.ongoing.values()) if (f < lso) lso = f;
        (aborted ??= []).push({
          producerId: c.producerId,
          firstOffset: c.firstOffset,
          lastOffset: c.lastOffset,
          lastStableOffset: lso,
        });
      }
    }
    if (expire && now - this.lastExpiryCheck >= this.checkIntervalMs) this.expire(now);
    return aborted ?? [];
  }

  /** First offset a read_committed reader may not see: the earliest open or not-yet-durable transaction, else `hw`. */
  firstUnstableOffset(hw: number): number {
    let lso = hw;
    for (const f of this.ongoing.values()) if (f < lso) lso = f;
    const u = this.unreplicated;
    if (u.length > 0) {
      let drop = 0;
      while (drop < u.length && u[drop]!.lastOffset < hw) drop++;
      if (drop > 0) this.unreplicated = u.slice(drop);
      for (const c of this.unreplicated) if (c.firstOffset < lso) lso = c.firstOffset;
    }
    return lso;
  }

  /** Open transactions: producerId -> first offset. */
  openTransactions(): ReadonlyMap<number, number> {
    return this.ongoing;
  }

  /** Forget producers idle for producer.id.expiration.ms that have no open transaction. */
  expire(now: number): number {
    this.lastExpiryCheck = now;
    let n = 0;
    for (const [pid, e] of this.entries) {
      if (e.txnFirstOffset < 0 && now - e.lastTimestamp >= this.expirationMs) {
        this.entries.delete(pid);
        n++;
      }
    }
    return n;
  }

  snapshot(): Buffer {
    return serializeSnapshot(this.entries.values());
  }

  /** Replace the state with snapshot entries (recovery). */
  restore(entries: readonly ProducerEntry[]): void {
    this.entries.clear();
    this.ongoing.clear();
    this.unreplicated = [];
    for (const e of entries) {
      this.entries.set(e.producerId, e);
      if (e.txnFirstOffset >= 0) this.ongoing.set(e.producerId, e.txnFirstOffset);
    }
  }
}
