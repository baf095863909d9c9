/**
 * Kafka's `__transaction_state` record formats (TransactionLogKey / TransactionLogValue v0):
 *
 *   key:   version int16 (0) | transactional_id string
 *   value: version int16 (0) | producer_id int64 | producer_epoch int16 | transaction_timeout_ms int32 |
 *          transaction_status int8 | transaction_partitions nullable [topic string, partition_ids [int32]] |
 *          transaction_last_update_timestamp_ms int64 | transaction_start_timestamp_ms int64
 *
 * A null value (tombstone) removes an expired transactional id.
 */
import { Reader, Writer } from '@rill/protocol';
import { LogError } from '../../errors.js';
import { parseTpKey, tpKey, TXN_STATE_IDS, txnStateOf, type TxnRecord } from './txn-state.js';

const KEY_VERSION = 0;
const VALUE_VERSION = 0;

export function encodeTxnKey(transactionalId: string): Buffer {
  return new Writer(32).int16(KEY_VERSION).string(transactionalId).toBuffer();
}

export function decodeTxnKey(b: Buffer): string {
  const r = new Reader(b);
  const v = r.int16();
  if (v !== KEY_VERSION) throw corrupt(`unknown transaction log key version ${v}`);
  return r.string();
}

export function encodeTxnValue(t: TxnRecord): Buffer {
  const w = new Writer(64)
    .int16(VALUE_VERSION)
    .int64(t.producerId)
    .int16(t.producerEpoch)
    .int32(t.timeoutMs)
    .int8(TXN_STATE_IDS[t.state]);
  if (t.state === 'Empty') w.int32(-1);
  else {
    const byTopic = new Map<string, number[]>();
    for (const k of t.partitions) {
      const { topic, partition } = parseTpKey(k);
      let list = byTopic.get(topic);
      if (list === undefined) byTopic.set(topic, (list = []));
      list.push(partition);
    }
    w.int32(byTopic.size);
    for (const [topic, parts] of byTopic) {
      w.string(topic).int32(parts.length);
      for (const p of parts.sort((a, b) => a - b)) w.int32(p);
    }
  }
  return w.int64(t.lastUpdateTimestamp).int64(t.startTimestamp).toBuffer();
}

export function decodeTxnValue(b: Buffer): TxnRecord {
  try {
    const r = new Reader(b);
    const v = r.int16();
    if (v !== VALUE_VERSION) throw corrupt(`unknown transaction log value version ${v}`);
    const producerId = r.int64();
    const producerEpoch = r.int16();
    const timeoutMs = r.int32();
    const statusId = r.int8();
    const state = txnStateOf(statusId);
    if (state === undefined) throw corrupt(`unknown transaction status ${statusId}`);
    const partitions = new Set<string>();
    const topics = r.int32();
    for (let i = 0; i < topics; i++) {
      const topic = r.string();
      const n = r.int32();
      for (let k = 0; k < n; k++) partitions.add(tpKey(topic, r.int32()));
    }
    const lastUpdateTimestamp = r.int64();
    const startTimestamp = r.int64();
    return { producerId, producerEpoch, timeoutMs, state, partitions, lastUpdateTimestamp, startTimestamp };
  } catch (e) {
    if (e instanceof LogError) throw e;
    throw corrupt(`malformed transaction log value: ${(e as Error).message}`, e);
  }
}

function corrupt(message: string, cause?: unknown): LogError {
  return new LogError('CORRUPT_MESSAGE', message, cause === undefined ? {} : { cause });
}
