/**
 * Fixtures for transaction tests: an engine on the in-memory FaultyFileIO (system clock, so group
 * commit completes appends), a transaction coordinator on a ManualClock (its timeouts are driven
 * by the test), optionally a group coordinator, and helpers to produce and consume.
 */
import {
  decodeControlRecord,
  forEachRecord,
  isControlBatch,
  isTransactional,
  iterateBatches,
  readBatchHeader,
  type RecordInput,
} from '@rill/protocol';
import { LogEngine } from '../src/engine.js';
import { ManualClock } from '../src/internal/clock/manual-clock.js';
import { GroupCoordinator } from '../src/internal/group/group-coordinator.js';
import { FaultyFileIO } from '../src/internal/io/faulty-file-io.js';
import { TransactionCoordinator } from '../src/internal/txn/transaction-coordinator.js';
import { TXN_ERR } from '../src/internal/txn/txn-errors.js';
import type { TxnCoordinatorConfigInput } from '../src/internal/txn/txn-config.js';

export const DATA_DIR = '/data';

export interface TxnFixture {
  io: FaultyFileIO;
  engine: LogEngine;
  txns: TransactionCoordinator;
  groups: GroupCoordinator | null;
  readonly clock: ManualClock;
  readonly backgroundErrors: unknown[];
  /** Close everything cleanly and reopen on the same disk. */
  restart(): Promise<void>;
  /** Cut the power (unsynced bytes are lost) and reopen. */
  crashAndRestart(seed?: number): Promise<void>;
  close(): Promise<void>;
}

export interface FixtureOptions {
  readonly config?: TxnCoordinatorConfigInput;
  readonly withGroups?: boolean;
  readonly topics?: Record<string, number>;
}

export async function openTxnFixture(options: FixtureOptions = {}): Promise<TxnFixture> {
  const clock = new ManualClock(1_000_000);
  const backgroundErrors: unknown[] = [];
  const open = async (io: FaultyFileIO) => {
    const engine = await LogEngine.open({
      dataDir: DATA_DIR,
      io,
      brokerConfig: { 'log.flush.interval.messages': 1 },
    });
    for (const [name, partitions] of Object.entries(options.topics ?? {}))
      if (!engine.listTopics().includes(name)) await engine.createTopic(name, { partitions });
    const groups = options.withGroups
      ? await GroupCoordinator.open({
          engine,
          clock,
          config: {
            'offsets.topic.num.partitions': 2,
            'group.initial.rebalance.delay.ms': 0,
            'group.min.session.timeout.ms': 10,
          },
          onBackgroundError: (e) => backgroundErrors.push(e),
        })
      : null;
    const txns = await TransactionCoordinator.open({
      engine,
      clock,
      config: { 'transaction.state.log.num.partitions': 3, ...options.config },
      ...(groups === null ? {} : { groups }),
      onBackgroundError: (e) => backgroundErrors.push(e),
    });
    return { engine, groups, txns };
  };
  const io = new FaultyFileIO();
  const first = await open(io);
  const f: TxnFixture = {
    io,
    ...first,
    clock,
    backgroundErrors,
    async restart() {
      await f.txns.close();
      await f.groups?.close();
      await f.engine.close();
      Object.assign(f, await open(f.io));
    },
    async crashAndRestart(seed = 1) {
      const { io: after } = f.io.crash({ mode: 'drop-unsynced', seed });
      f.io = after;
      Object.assign(f, await open(after));
    },
    async close() {
      await f.txns.close();
      await f.groups?.close();
      await f.engine.close();
    },
  };
  return f;
}

/** A transactional producer: init (retrying CONCURRENT_TRANSACTIONS), add partitions, send, end. */
export class TxnProducer {
  producerId = -1;
  producerEpoch = -1;
  /** Base offset of the last successful send. */
  lastBaseOffset = -1;
  private readonly seqs = new Map<string, number>();
  private readonly added = new Set<string>();

  constructor(
    private readonly f: TxnFixture,
    readonly transactionalId: string,
    private readonly timeoutMs = 60_000,
  ) {}

  async init(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      const r = await this.f.txns.initProducerId({
        transactionalId: this.transactionalId,
        transactionTimeoutMs: this.timeoutMs,
      });
      if (r.errorCode === TXN_ERR.CONCURRENT_TRANSACTIONS) continue;
      if (r.errorCode !== TXN_ERR.NONE) throw new Error(`initProducerId failed: ${r.errorCode}`);
      this.producerId = r.producerId;
      this.producerEpoch = r.producerEpoch;
      this.seqs.clear();
      this.added.clear();
      return;
    }
    throw new Error('initProducerId kept answering CONCURRENT_TRANSACTIONS');
  }

  get id(): { transactionalId: string; producerId: number; producerEpoch: number } {
    return {
      transactionalId: this.transactionalId,
      producerId: this.producerId,
      producerEpoch: this.producerEpoch,
    };
  }

  /** Add the partition if needed, then append: @returns the add error code (NONE on success) or throws the append's LogError. */
  async send(topic: string, partition: number, values: readonly string[]): Promise<number> {
    const k = `${topic}-${partition}`;
    if (!this.added.has(k)) {
      const r = await this.f.txns.addPartitionsToTxn({
        ...this.id,
        topics: [{ name: topic, partitions: [partition] }],
      });
      const code = r.topics[0]!.partitions[0]!.errorCode;
      if (code !== TXN_ERR.NONE) return code;
      this.added.add(k);
    }
    const seq = this.seqs.get(k) ?? 0;
    const records: RecordInput[] = values.map((v) => ({ key: null, value: Buffer.from(v) }));
    const r = await this.f.engine.appendToPartition(topic, partition, records, {
      producerId: this.producerId,
      producerEpoch: this.producerEpoch,
      baseSequence: seq,
      isTransactional: true,
    });
    this.seqs.set(k, seq + values.length);
    this.lastBaseOffset = r.baseOffset;
    return TXN_ERR.NONE;
  }

  async end(commit: boolean): Promise<number> {
    const r = await this.f.txns.endTxn({ ...this.id, committed: commit });
    if (r.errorCode === TXN_ERR.NONE) this.added.clear();
    return r.errorCode;
  }
}

/**
 * What a read_committed consumer sees in a partition from the log start to the last stable
 * offset, fetching as a Kafka consumer does: batches up to the LSO plus the aborted-transactions
 * list, skipping aborted transactions' batches and markers. Throws if a fetch serves an offset at
 * or past the LSO it reported.
 */
export async function readCommitted(engine: LogEngine, topic: string, partition: number): Promise<string[]> {
  const out: string[] = [];
  let offset = engine.offsets(topic, partition).logStartOffset;
  const pending: { producerId: number; firstOffset: number }[] = [];
  const aborted = new Set<number>();
  for (;;) {
    const r = await engine.read(topic, partition, offset, { isolation: 'read_committed', maxBytes: 4096 });
    if (r.batches.length === 0) break;
    pending.push(...(r.abortedTransactions ?? []));
    pending.sort((a, b) => a.firstOffset - b.firstOffset);
    for (const batch of iterateBatches(r.batches)) {
      const h = readBatchHeader(batch);
      const last = h.baseOffset + h.lastOffsetDelta;
      if (last >= r.lastStableOffset)
        throw new Error(`served offset ${last} at or past the LSO ${r.lastStableOffset}`);
      while (pending.length > 0 && pending[0]!.firstOffset <= last) aborted.add(pending.shift()!.producerId);
      if (isControlBatch(h.attributes)) {
        forEachRecord(batch, (rec) => {
          if (decodeControlRecord(rec).type === 'ABORT') aborted.delete(h.producerId);
        });
      } else if (!(isTransactional(h.attributes) && aborted.has(h.producerId))) {
        forEachRecord(batch, (rec) => {
          if (rec.offset >= offset) out.push(rec.value?.toString() ?? '');
        });
      }
      offset = Math.max(offset, last + 1);
    }
  }
  return out;
}
