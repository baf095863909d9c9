/**
 * Kafka's producer-state rules for one appended batch (ProducerAppendInfo), applied to a staged
 * copy of the producer's entry: fencing by epoch, deduplication of retries within the last 5
 * batches, sequence continuity, transaction start and end (markers).
 */
import { LogError } from '../../errors.js';
import {
  addBatch,
  type BatchMetadata,
  bumpEpoch,
  findDuplicate,
  lastSeqOf,
  NO_EPOCH,
  NO_SEQUENCE,
  nextSequence,
  type ProducerEntry,
} from './producer-entry.js';

/** The producer fields of a batch about to be appended. */
export interface ProducerBatchInfo {
  readonly producerId: number;
  readonly producerEpoch: number;
  /** -1 for batches written without sequence checks (coordinator writes, markers). */
  readonly baseSequence: number;
  readonly lastOffsetDelta: number;
  readonly isTransactional: boolean;
  /** Set for a transaction marker. */
  readonly control: { readonly commit: boolean; readonly coordinatorEpoch: number } | null;
}

/** A transaction that a marker closed. */
export interface CompletedTxn {
  readonly producerId: number;
  readonly firstOffset: number;
  /** The marker's offset. */
  readonly lastOffset: number;
  readonly aborted: boolean;
}

export type BatchOutcome =
  | { readonly kind: 'appended'; readonly txnStarted: boolean; readonly completed: CompletedTxn | null }
  | { readonly kind: 'duplicate'; readonly batch: BatchMetadata };

/**
 * Check `b` (to be written at `firstOffset`) against `entry` and update `entry` for it.
 * @throws LogError INVALID_PRODUCER_EPOCH, OUT_OF_ORDER_SEQUENCE_NUMBER, UNKNOWN_PRODUCER_ID,
 *   INVALID_TXN_STATE, TRANSACTION_COORDINATOR_FENCED. `entry` may be partly updated then: it is a staged copy.
 */
export function applyBatch(
  entry: ProducerEntry,
  b: ProducerBatchInfo,
  firstOffset: number,
  now: number,
  where: string,
  /** False when replaying the log on recovery: what is stored was accepted once (Kafka's Replication origin). */
  strict = true,
): BatchOutcome {
  const pid = b.producerId;
  if (!strict) return replay(entry, b, firstOffset, now);
  if (entry.epoch !== NO_EPOCH && b.producerEpoch < entry.epoch) {
    throw new LogError(
      'INVALID_PRODUCER_EPOCH',
      `producer ${pid} epoch ${b.producerEpoch} is older than the current epoch ${entry.epoch} on ${where}`,
    );
  }
  if (b.control !== null) {
    if (b.control.coordinatorEpoch < entry.coordinatorEpoch) {
      throw new LogError(
        'TRANSACTION_COORDINATOR_FENCED',
        `marker for producer ${pid} has coordinator epoch ${b.control.coordinatorEpoch}, ` +
          `${where} has seen ${entry.coordinatorEpoch}`,
      );
    }
    bumpEpoch(entry, b.producerEpoch);
    entry.coordinatorEpoch = b.control.coordinatorEpoch;
    const completed: CompletedTxn = {
      producerId: pid,
      firstOffset: entry.txnFirstOffset >= 0 ? entry.txnFirstOffset : firstOffset,
      lastOffset: firstOffset,
      aborted: !b.control.commit,
    };
    entry.txnFirstOffset = -1;
    entry.lastTimestamp = now;
    return { kind: 'appended', txnStarted: false, completed };
  }
  if (b.baseSequence !== NO_SEQUENCE) {
    const seq = b.baseSequence;
    const lastSeq = nextSequence(seq, b.lastOffsetDelta);
    if (b.producerEpoch === entry.epoch) {
      const dup = findDuplicate(entry, seq, lastSeq);
      if (dup !== undefined) return { kind: 'duplicate', batch: dup };
      const current = lastSeqOf(entry);
      if (current === NO_SEQUENCE) {
        if (seq !== 0) throw unknownProducer(pid, seq, where);
      } else if (seq !== nextSequence(current, 1)) {
        throw new LogError(
          'OUT_OF_ORDER_SEQUENCE_NUMBER',
          `out of order sequence number for producer ${pid} on ${where}: ${seq} (incoming seq), ${current} (current end seq)`,
        );
      }
    } else if (seq !== 0) {
      if (entry.epoch === NO_EPOCH) throw unknownProducer(pid, seq, where);
      throw new LogError(
        'OUT_OF_ORDER_SEQUENCE_NUMBER',
        `invalid sequence number ${seq} for new epoch ${b.producerEpoch} of producer ${pid} on ${where} (must be 0)`,
      );
    }
  }
  if (!b.isTransactional && entry.txnFirstOffset >= 0) {
    throw new LogError(
      'INVALID_TXN_STATE',
      `producer ${pid} wrote a non-transactional batch to ${where} inside its open transaction`,
    );
  }
  bumpEpoch(entry, b.producerEpoch);
  const lastOffset = firstOffset + b.lastOffsetDelta;
  if (b.baseSequence !== NO_SEQUENCE) {
    addBatch(entry, {
      firstSeq: b.baseSequence,
      lastSeq: nextSequence(b.baseSequence, b.lastOffsetDelta),
      firstOffset,
      lastOffset,
      timestamp: now,
    });
  }
  entry.lastTimestamp = now;
  const txnStarted = b.isTransactional && entry.txnFirstOffset < 0;
  if (txnStarted) entry.txnFirstOffset = firstOffset;
  return { kind: 'appended', txnStarted, completed: null };
}

function replay(entry: ProducerEntry, b: ProducerBatchInfo, firstOffset: number, now: number): BatchOutcome {
  bumpEpoch(entry, b.producerEpoch);
  entry.lastTimestamp = now;
  if (b.control !== null) {
    entry.coordinatorEpoch = b.control.coordinatorEpoch;
    const completed: CompletedTxn = {
      producerId: b.producerId,
      firstOffset: entry.txnFirstOffset >= 0 ? entry.txnFirstOffset : firstOffset,
      lastOffset: firstOffset,
      aborted: !b.control.commit,
    };
    entry.txnFirstOffset = -1;
    return { kind: 'appended', txnStarted: false, completed };
  }
  if (b.baseSequence !== NO_SEQUENCE) {
    addBatch(entry, {
      firstSeq: b.baseSequence,
      lastSeq: nextSequence(b.baseSequence, b.lastOffsetDelta),
      firstOffset,
      lastOffset: firstOffset + b.lastOffsetDelta,
      timestamp: now,
    });
  }
  const txnStarted = b.isTransactional && entry.txnFirstOffset < 0;
  if (txnStarted) entry.txnFirstOffset = firstOffset;
  return { kind: 'appended', txnStarted, completed: null };
}

function unknownProducer(pid: number, seq: number, where: string): LogError {
  return new LogError(
    'UNKNOWN_PRODUCER_ID',
    `${where} has no state for producer ${pid} and its batch starts at sequence ${seq}, not 0`,
  );
}
