import { ProtocolError } from '../errors/protocol-error.js';
import { encodeRecordBatch } from './encode.js';
import type { ControlType, Record } from './types.js';

/** Control record key type ids, from Kafka's ControlRecordType. */
const CONTROL_TYPE_IDS: { readonly [K in ControlType]: number } = { ABORT: 0, COMMIT: 1 };

/** Input of {@link encodeControlBatch}: one transaction marker. */
export interface ControlBatchInput {
  readonly type: ControlType;
  readonly producerId: number;
  readonly producerEpoch: number;
  /** Epoch of the transaction coordinator that wrote the marker. */
  readonly coordinatorEpoch: number;
  readonly timestamp: number;
  /** Default 0; the log assigns the real offset on append. */
  readonly baseOffset?: number;
  /** Default -1. */
  readonly partitionLeaderEpoch?: number;
}

/** A decoded control record (an end-transaction marker). */
export interface ControlRecord {
  readonly type: ControlType;
  /** Version of the marker value schema. */
  readonly version: number;
  readonly coordinatorEpoch: number;
}

/**
 * Encodes a transaction marker batch, as Kafka's MemoryRecords.withEndTransactionMarker
 * does: transactional + control flags, no sequence, one record whose key is
 * (version 0, type) and whose value is (version 0, coordinatorEpoch).
 *
 * @example
 * ```ts
 * const marker = encodeControlBatch({ type: 'COMMIT', producerId: 7, producerEpoch: 0, coordinatorEpoch: 0, timestamp: Date.now() });
 * ```
 */
export function encodeControlBatch(input: ControlBatchInput): Buffer {
  const key = Buffer.alloc(4);
  key.writeInt16BE(0, 0);
  key.writeInt16BE(CONTROL_TYPE_IDS[input.type], 2);
  const value = Buffer.alloc(6);
  value.writeInt16BE(0, 0);
  value.writeInt32BE(input.coordinatorEpoch, 2);
  return encodeRecordBatch({
    records: [{ key, value, timestamp: input.timestamp }],
    baseOffset: input.baseOffset ?? 0,
    partitionLeaderEpoch: input.partitionLeaderEpoch ?? -1,
    producerId: input.producerId,
    producerEpoch: input.producerEpoch,
    baseSequence: -1,
    isTransactional: true,
    isControl: true,
  });
}

/**
 * Decodes the record of a control batch as a transaction marker.
 *
 * @throws ProtocolError INVALID_RECORD if the key or value is not a COMMIT/ABORT marker.
 */
export function decodeControlRecord(record: Record): ControlRecord {
  const key = record.key;
  if (key === null || key.length < 4) throw invalid('control record key must be at least 4 bytes');
  const keyVersion = key.readInt16BE(0);
  if (keyVersion !== 0) throw invalid(`unsupported control record key version ${keyVersion}`);
  const typeId = key.readInt16BE(2);
  const type = typeId === 0 ? 'ABORT' : typeId === 1 ? 'COMMIT' : undefined;
  if (type === undefined) throw invalid(`control record type ${typeId} is not a transaction marker`);
  const value = record.value;
  if (value === null || value.length < 6) throw invalid('transaction marker value must be at least 6 bytes');
  const version = value.readInt16BE(0);
  if (version < 0) throw invalid(`invalid transaction marker version ${version}`);
  return { type, version, coordinatorEpoch: value.readInt32BE(2) };
}

function invalid(message: string): ProtocolError {
  return new ProtocolError('INVALID_RECORD', message);
}
