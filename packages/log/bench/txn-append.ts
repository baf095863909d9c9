/**
 * txn-append: transactional appends committed every 100 ms against plain idempotent appends of
 * the same records, in the same run and engine (the baseline). Both pipeline appends of
 * 1,000-record batches with sequence numbers; the transactional run adds, per transaction,
 * AddPartitionsToTxn, EndTxn (prepare, marker, complete) and the drain of in-flight appends.
 */
import { join } from 'node:path';
import { LogEngine, NodeFileIO, TransactionCoordinator } from '@rill/log';
import type { RecordInput } from '@rill/protocol';
import { emit, scratchDir, sized } from 'rill-bench-kit';

const BATCH = 1000;
const IN_FLIGHT = 16;
const TXN_MS = 100;

function makeBatches(records: number): RecordInput[][] {
  const value = Buffer.alloc(100, 7);
  const out: RecordInput[][] = [];
  for (let i = 0; i < records; i += BATCH) {
    const batch: RecordInput[] = [];
    for (let j = i; j < Math.min(records, i + BATCH); j++) {
      const key = Buffer.alloc(16);
      key.writeUInt32BE(j, 12);
      batch.push({ key, value, timestamp: 1_700_000_000_000 + j });
    }
    out.push(batch);
  }
  return out;
}

interface Producer {
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly transactional: boolean;
}

/** Append `batches[from..to)` with up to IN_FLIGHT appends at once; sequences follow call order. */
async function pipeline(
  engine: LogEngine,
  topic: string,
  batches: RecordInput[][],
  p: Producer,
  state: { next: number; seq: number },
  until: () => boolean,
): Promise<void> {
  const lane = async (): Promise<void> => {
    while (state.next < batches.length && !until()) {
      const batch = batches[state.next++]!;
      const baseSequence = state.seq;
      state.seq += batch.length;
      await engine.appendToPartition(topic, 0, batch, {
        producerId: p.producerId,
        producerEpoch: p.producerEpoch,
        baseSequence,
        isTransactional: p.transactional,
      });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

/** Rounds alternate which run goes first (ABBA), so drift over the run (page cache, GC) hits both alike. */
const ROUNDS = 4;

async function idempotentRound(
  engine: LogEngine,
  batches: RecordInput[][],
  p: Producer,
  state: { next: number; seq: number },
  end: number,
): Promise<number> {
  const started = performance.now();
  const limited = batches.slice(0, end);
  await pipeline(engine, 'idempotent', limited, p, state, () => false);
  return (performance.now() - started) / 1000;
}

interface TxnClient {
  readonly txns: TransactionCoordinator;
  readonly id: { transactionalId: string; producerId: number; producerEpoch: number };
  readonly p: Producer;
}

async function transactionalRound(
  engine: LogEngine,
  c: TxnClient,
  batches: RecordInput[][],
  state: { next: number; seq: number },
  end: number,
): Promise<{ seconds: number; transactions: number; coordinatorMs: number }> {
  const limited = batches.slice(0, end);
  let transactions = 0;
  let coordinatorMs = 0;
  const started = performance.now();
  while (state.next < limited.length) {
    const beforeAdd = performance.now();
    const add = await c.txns.addPartitionsToTxn({
      ...c.id,
      topics: [{ name: 'transactional', partitions: [0] }],
    });
    const code = add.topics[0]!.partitions[0]!.errorCode;
    if (code !== 0) throw new Error(`AddPartitionsToTxn failed with ${code}`);
    const deadline = performance.now() + TXN_MS;
    coordinatorMs += performance.now() - beforeAdd;
    await pipeline(engine, 'transactional', limited, c.p, state, () => performance.now() >= deadline);
    const beforeEnd = performance.now();
    const done = await c.txns.endTxn({ ...c.id, committed: true });
    if (done.errorCode !== 0) throw new Error(`EndTxn failed with ${done.errorCode}`);
    coordinatorMs += performance.now() - beforeEnd;
    transactions++;
  }
  return { seconds: (performance.now() - started) / 1000, transactions, coordinatorMs };
}

export async function txnAppend(): Promise<void> {
  const { dir, cleanup } = scratchDir('txn-append');
  try {
    const records = sized(400_000, 5_000_000);
    const batches = makeBatches(records);
    const engine = await LogEngine.open({ dataDir: join(dir, 'log'), io: new NodeFileIO() });
    const txns = await TransactionCoordinator.open({
      engine,
      config: { 'transaction.state.log.num.partitions': 1 },
    });
    for (const t of ['idempotent', 'transactional', 'warmup']) await engine.createTopic(t, { partitions: 1 });
    // Warm the JIT and the file system before measuring.
    await pipeline(
      engine,
      'warmup',
      makeBatches(sized(5_000, 50_000)),
      { ...(await engine.initProducerId()), transactional: false },
      { next: 0, seq: 0 },
      () => false,
    );
    const idem = { ...(await engine.initProducerId()), transactional: false };
    const init = await txns.initProducerId({ transactionalId: 'bench', transactionTimeoutMs: 60_000 });
    if (init.errorCode !== 0) throw new Error(`InitProducerId failed with ${init.errorCode}`);
    const client: TxnClient = {
      txns,
      id: { transactionalId: 'bench', producerId: init.producerId, producerEpoch: init.producerEpoch },
      p: { producerId: init.producerId, producerEpoch: init.producerEpoch, transactional: true },
    };
    const idemState = { next: 0, seq: 0 };
    const txnState = { next: 0, seq: 0 };
    let baselineSeconds = 0;
    let seconds = 0;
    let transactions = 0;
    let coordinatorMs = 0;
    for (let r = 1; r <= ROUNDS; r++) {
      const end = Math.round((batches.length * r) / ROUNDS);
      const runTxn = async (): Promise<void> => {
        const t = await transactionalRound(engine, client, batches, txnState, end);
        seconds += t.seconds;
        transactions += t.transactions;
        coordinatorMs += t.coordinatorMs;
      };
      const runIdem = async (): Promise<void> => {
        baselineSeconds += await idempotentRound(engine, batches, idem, idemState, end);
      };
      if (r % 2 === 1) {
        await runIdem();
        await runTxn();
      } else {
        await runTxn();
        await runIdem();
      }
    }
    await txns.close();
    await engine.close();
    emit({
      bench: 'txn-append',
      records_per_s: records / seconds,
      baseline: 'idempotent appends',
      baseline_records_per_s: records / baselineSeconds,
      ratio: baselineSeconds / seconds,
      transactions,
      transaction_ms: TXN_MS,
      // AddPartitionsToTxn + EndTxn (prepare, markers, complete) per transaction: the cost a transaction adds.
      coordinator_ms_per_txn: coordinatorMs / transactions,
    });
  } finally {
    cleanup();
  }
}
