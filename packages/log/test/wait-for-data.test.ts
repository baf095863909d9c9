/**
 * LogEngine.waitForData: woken by appends from any source, by COMMIT/ABORT markers that move the
 * last stable offset (read_committed), and ended by the signal, the engine closing and topic
 * deletion. Real engine on a temporary directory.
 */
import { setMaxListeners } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRecordBatch } from '@rill/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogEngine } from '../src/engine.js';
import { LogError } from '../src/errors.js';

let dir: string;
let engine: LogEngine;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rill-wait-'));
  engine = await LogEngine.open({ dataDir: dir });
  await engine.createTopic('t', { partitions: 2 });
});

afterEach(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

/** The promise with a flag telling whether it has settled yet. */
function track(p: Promise<void>): { readonly promise: Promise<void>; settled: () => boolean } {
  let done = false;
  const promise = p.finally(() => {
    done = true;
  });
  return { promise, settled: () => done };
}

function txnBatch(producerId: number, values: readonly string[]): Buffer {
  return encodeRecordBatch({
    records: values.map((v) => ({ key: null, value: Buffer.from(v), timestamp: Date.now() })),
    producerId,
    producerEpoch: 0,
    baseSequence: 0,
    isTransactional: true,
  });
}

describe('LogEngine.waitForData', () => {
  it('resolves at once when the high watermark is already above the offset', async () => {
    await engine.append('t', [{ value: 'a', partition: 0 }]);
    await engine.waitForData('t', 0, 0, { signal: new AbortController().signal });
    expect(engine.offsets('t', 0).highWatermark).toBe(1);
  });

  it('waits for an append to its own partition, not to others', async () => {
    const ac = new AbortController();
    const w = track(engine.waitForData('t', 0, 0, { signal: ac.signal }));
    await engine.append('t', [{ value: 'other', partition: 1 }]);
    expect(w.settled()).toBe(false);
    await engine.append('t', [{ value: 'mine', partition: 0 }]);
    await w.promise;
    expect(engine.offsets('t', 0).highWatermark).toBe(1);
    expect(ac.signal.aborted).toBe(false);
  });

  it('waits past the given offset, not just for any data', async () => {
    await engine.append('t', [{ value: 'a', partition: 0 }]);
    const w = track(engine.waitForData('t', 0, 1, { signal: new AbortController().signal }));
    await engine.append('t', [{ value: 'x', partition: 1 }]);
    expect(w.settled()).toBe(false);
    await engine.append('t', [{ value: 'b', partition: 0 }]);
    await w.promise;
  });

  it('read_committed: an open transaction holds it; the ABORT marker wakes it', async () => {
    const { producerId } = await engine.initProducerId();
    await engine.appendToPartition('t', 0, txnBatch(producerId, ['t1', 't2'])); // 0-1, open
    await engine.append('t', [{ value: 'plain', partition: 0 }]); // 2
    const { lastStableOffset, highWatermark } = engine.offsets('t', 0);
    expect(lastStableOffset).toBe(0);
    expect(highWatermark).toBe(3);
    const w = track(
      engine.waitForData('t', 0, lastStableOffset, {
        signal: new AbortController().signal,
        isolation: 'read_committed',
      }),
    );
    // Uncommitted readers would be woken by this; read_committed ones are not (LSO unchanged).
    await engine.append('t', [{ value: 'more', partition: 0 }]); // 3
    expect(w.settled()).toBe(false);
    await engine.abortTransaction({
      topic: 't',
      partition: 0,
      producerId,
      producerEpoch: 0,
      coordinatorEpoch: 0,
    });
    await w.promise;
    expect(engine.offsets('t', 0).lastStableOffset).toBeGreaterThan(lastStableOffset);
  });

  it('read_uncommitted ignores open transactions', async () => {
    const { producerId } = await engine.initProducerId();
    const w = track(engine.waitForData('t', 0, 0, { signal: new AbortController().signal }));
    await engine.appendToPartition('t', 0, txnBatch(producerId, ['t1']));
    await w.promise;
    expect(engine.offsets('t', 0).lastStableOffset).toBe(0);
  });

  it('resolves when the signal aborts', async () => {
    const ac = new AbortController();
    const w = track(engine.waitForData('t', 0, 0, { signal: ac.signal }));
    await engine.append('t', [{ value: 'x', partition: 1 }]);
    expect(w.settled()).toBe(false);
    ac.abort();
    await w.promise;
    expect(engine.offsets('t', 0).highWatermark).toBe(0);
    // An aborted signal ends a new wait at once.
    await engine.waitForData('t', 0, 0, { signal: ac.signal });
  });

  it('resolves when the topic is deleted', async () => {
    const w = track(engine.waitForData('t', 1, 0, { signal: new AbortController().signal }));
    await engine.append('t', [{ value: 'x', partition: 0 }]);
    expect(w.settled()).toBe(false);
    await engine.deleteTopic('t');
    await w.promise;
    expect(engine.listTopics()).toEqual([]);
  });

  it('resolves when the engine closes, and at once once it is closed', async () => {
    const w = track(engine.waitForData('t', 0, 0, { signal: new AbortController().signal }));
    await engine.append('t', [{ value: 'x', partition: 1 }]);
    expect(w.settled()).toBe(false);
    await engine.close();
    await w.promise;
    await engine.waitForData('t', 0, 0, { signal: new AbortController().signal });
  });

  it('rejects for an unknown topic or partition', async () => {
    const signal = new AbortController().signal;
    await expect(engine.waitForData('nope', 0, 0, { signal })).rejects.toSatisfy(
      (e) => e instanceof LogError && e.code === 'UNKNOWN_TOPIC_OR_PARTITION',
    );
    await expect(engine.waitForData('t', 5, 0, { signal })).rejects.toSatisfy(
      (e) => e instanceof LogError && e.code === 'UNKNOWN_TOPIC_OR_PARTITION',
    );
  });

  it('many waiters on one partition all wake on one append, and none is left behind', async () => {
    const ac = new AbortController();
    setMaxListeners(0, ac.signal);
    const ws = Array.from({ length: 50 }, () => track(engine.waitForData('t', 0, 0, { signal: ac.signal })));
    await engine.append('t', [{ value: 'x', partition: 0 }]);
    await Promise.all(ws.map((w) => w.promise));
    expect(ws.every((w) => w.settled())).toBe(true);
  });
});
