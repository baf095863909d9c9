import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forEachRecord, iterateBatches, type Record as KafkaRecord } from '@rill/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FaultyFileIO,
  LogEngine,
  LogError,
  systemClock,
  type Clock,
  TOPIC_CONFIG_DEFAULTS,
  defaultPartition,
  type ConsumedRecord,
  type LogErrorCode,
} from '../src/index.js';

let dir: string;
const open: LogEngine[] = [];

beforeEach(async () => {
  dir = await fsp.mkdtemp(join(tmpdir(), 'rill-engine-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
  await fsp.rm(dir, { recursive: true, force: true });
});

async function openEngine(options: Partial<Parameters<typeof LogEngine.open>[0]> = {}): Promise<LogEngine> {
  const engine = await LogEngine.open({ dataDir: dir, ...options });
  open.push(engine);
  return engine;
}

async function closeEngine(engine: LogEngine): Promise<void> {
  open.splice(open.indexOf(engine), 1);
  await engine.close();
}

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<LogErrorCode | undefined> {
  try {
    await (typeof p === 'function' ? p() : p);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(LogError);
    return (e as LogError).code;
  }
}

/** Every record of a partition, via read(). */
async function readAll(
  engine: LogEngine,
  topic: string,
  partition: number,
  from = 0,
): Promise<KafkaRecord[]> {
  const out: KafkaRecord[] = [];
  let offset = from;
  for (;;) {
    const { batches, highWatermark } = await engine.read(topic, partition, offset);
    if (offset >= highWatermark || batches.length === 0) return out;
    for (const batch of iterateBatches(batches)) {
      forEachRecord(batch, (r) => {
        if (r.offset >= offset) out.push({ ...r, key: r.key, value: r.value, headers: r.headers });
      });
    }
    offset = out.length === 0 ? highWatermark : out[out.length - 1]!.offset + 1;
  }
}

const str = (b: Buffer | null) => (b === null ? null : b.toString('utf8'));

describe('LogEngine topics', () => {
  it('creates, lists, describes and persists topics with configs across a reopen', async () => {
    const engine = await openEngine();
    await engine.createTopic('orders', {
      partitions: 3,
      configs: { 'cleanup.policy': 'compact', 'retention.ms': '1000' },
    });
    await engine.createTopic('a.b');
    expect(engine.listTopics()).toEqual(['a.b', 'orders']);
    const d = engine.describeTopic('orders');
    expect(d.partitions).toBe(3);
    expect(d.configs['cleanup.policy']).toBe('compact');
    expect(d.configs['retention.ms']).toBe(1000);
    expect(d.configs['segment.bytes']).toBe(TOPIC_CONFIG_DEFAULTS['segment.bytes']);
    expect(d.overrides).toEqual({ 'cleanup.policy': 'compact', 'retention.ms': 1000 });
    expect(engine.describeTopic('a.b').partitions).toBe(1);
    await closeEngine(engine);

    const again = await openEngine();
    expect(again.listTopics()).toEqual(['a.b', 'orders']);
    expect(again.describeTopic('orders')).toEqual(d);
  });

  it('rejects invalid names, collisions, duplicates, partition counts and configs with stable codes', async () => {
    const engine = await openEngine();
    expect(await codeOf(engine.createTopic(''))).toBe('INVALID_TOPIC_EXCEPTION');
    expect(await codeOf(engine.createTopic('..'))).toBe('INVALID_TOPIC_EXCEPTION');
    expect(await codeOf(engine.createTopic('a/b'))).toBe('INVALID_TOPIC_EXCEPTION');
    expect(await codeOf(engine.createTopic('x'.repeat(250)))).toBe('INVALID_TOPIC_EXCEPTION');
    expect(await codeOf(engine.createTopic('t', { partitions: 0 }))).toBe('INVALID_PARTITIONS');
    expect(await codeOf(engine.createTopic('t', { partitions: 1.5 }))).toBe('INVALID_PARTITIONS');
    expect(await codeOf(engine.createTopic('t', { configs: { 'segment.bytes': 1 } }))).toBe('INVALID_CONFIG');
    expect(await codeOf(engine.createTopic('t', { configs: { 'no.such.key': 1 } }))).toBe('INVALID_CONFIG');
    await engine.createTopic('a.b');
    expect(await codeOf(engine.createTopic('a.b'))).toBe('TOPIC_ALREADY_EXISTS');
    expect(await codeOf(engine.createTopic('a_b'))).toBe('INVALID_TOPIC_EXCEPTION');
    // Nothing half-created by the failures.
    expect(engine.listTopics()).toEqual(['a.b']);
    expect(await codeOf(() => engine.describeTopic('missing'))).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    expect(await codeOf(engine.deleteTopic('missing'))).toBe('UNKNOWN_TOPIC_OR_PARTITION');
  });

  it('deletes a topic with its files; a re-created topic starts empty with a new id', async () => {
    const engine = await openEngine();
    await engine.createTopic('t', { partitions: 2 });
    const firstId = engine.describeTopic('t').topicId;
    await engine.append('t', [{ key: 'k', value: 'v1' }, { value: 'v2' }]);
    expect((await fsp.readdir(dir)).filter((f) => f.startsWith('t-')).sort()).toEqual(['t-0', 't-1']);
    await engine.deleteTopic('t');
    expect(engine.listTopics()).toEqual([]);
    expect((await fsp.readdir(dir)).filter((f) => f.startsWith('t-'))).toEqual([]);
    expect(await codeOf(engine.read('t', 0, 0))).toBe('UNKNOWN_TOPIC_OR_PARTITION');

    await engine.createTopic('t', { partitions: 2 });
    expect(engine.describeTopic('t').topicId).not.toBe(firstId);
    expect(engine.offsets('t', 0)).toMatchObject({ logStartOffset: 0, highWatermark: 0, logEndOffset: 0 });
    expect(engine.offsets('t', 1)).toMatchObject({ logStartOffset: 0, highWatermark: 0, logEndOffset: 0 });
  });

  it('adds partitions, persists the count and rejects shrinking', async () => {
    const engine = await openEngine();
    await engine.createTopic('t', { partitions: 2 });
    expect(await codeOf(engine.createPartitions('t', 2))).toBe('INVALID_PARTITIONS');
    expect(await codeOf(engine.createPartitions('t', 1))).toBe('INVALID_PARTITIONS');
    expect(await codeOf(engine.createPartitions('missing', 3))).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    await engine.createPartitions('t', 5);
    expect(engine.describeTopic('t').partitions).toBe(5);
    await engine.appendToPartition('t', 4, [{ key: null, value: Buffer.from('p4'), timestamp: 1 }]);
    await closeEngine(engine);
    const again = await openEngine();
    expect(again.describeTopic('t').partitions).toBe(5);
    expect((await readAll(again, 't', 4)).map((r) => str(r.value))).toEqual(['p4']);
  });

  it('alters configs: merge, delete to default, replace; persisted', async () => {
    const engine = await openEngine({ brokerConfig: { 'log.retention.ms': 5000 } });
    await engine.createTopic('t', { configs: { 'segment.bytes': 1_000_000 } });
    expect(engine.describeTopic('t').configs['retention.ms']).toBe(5000);
    await engine.alterTopicConfig('t', { 'retention.ms': '100' });
    expect(engine.describeTopic('t').overrides).toEqual({ 'segment.bytes': 1_000_000, 'retention.ms': 100 });
    await engine.alterTopicConfig('t', {}, { delete: ['retention.ms'] });
    expect(engine.describeTopic('t').configs['retention.ms']).toBe(5000);
    await engine.alterTopicConfig('t', { 'cleanup.policy': 'compact' }, { replace: true });
    expect(engine.describeTopic('t').overrides).toEqual({ 'cleanup.policy': 'compact' });
    expect(await codeOf(engine.alterTopicConfig('t', { 'min.cleanable.dirty.ratio': 2 }))).toBe(
      'INVALID_CONFIG',
    );
    expect(await codeOf(engine.alterTopicConfig('t', {}, { delete: ['bogus'] }))).toBe('INVALID_CONFIG');
    await closeEngine(engine);
    const again = await openEngine({ brokerConfig: { 'log.retention.ms': 5000 } });
    expect(again.describeTopic('t').overrides).toEqual({ 'cleanup.policy': 'compact' });
  });

  it('rejects a bad broker config', async () => {
    expect(await codeOf(LogEngine.open({ dataDir: dir, brokerConfig: { 'log.retention.weeks': 1 } }))).toBe(
      'INVALID_CONFIG',
    );
    expect(await codeOf(LogEngine.open({ dataDir: dir, brokerConfig: { 'num.partitions': 0 } }))).toBe(
      'INVALID_CONFIG',
    );
  });
});

describe('LogEngine appends and reads', () => {
  it('partitions by key as Kafka does, returns offsets in input order and reads them back', async () => {
    const engine = await openEngine();
    await engine.createTopic('t', { partitions: 4 });
    const keys = Array.from({ length: 40 }, (_, i) => `key-${i}`);
    const meta = await engine.append(
      't',
      keys.map((k, i) => ({
        key: k,
        value: `v${i}`,
        headers: { h: 'x', b: Buffer.from([i]) },
        timestamp: 1000 + i,
      })),
    );
    expect(meta).toHaveLength(40);
    const perPartition = new Map<number, number>();
    meta.forEach((m, i) => {
      expect(m.topic).toBe('t');
      expect(m.partition).toBe(defaultPartition(keys[i]!, 4));
      // Offsets within a partition follow input order.
      expect(m.offset).toBe(perPartition.get(m.partition) ?? 0);
      perPartition.set(m.partition, m.offset + 1);
      expect(m.timestamp).toBe(1000 + i);
    });
    for (let p = 0; p < 4; p++) {
      const got = await readAll(engine, 't', p);
      const expected = meta.map((m, i) => ({ m, i })).filter(({ m }) => m.partition === p);
      expect(got.map((r) => r.offset)).toEqual(expected.map(({ m }) => m.offset));
      expect(got.map((r) => str(r.key))).toEqual(expected.map(({ i }) => keys[i]));
      expect(got.map((r) => str(r.value))).toEqual(expected.map(({ i }) => `v${i}`));
      expect(got.map((r) => r.timestamp)).toEqual(expected.map(({ i }) => 1000 + i));
      for (const r of got) {
        expect(r.headers.map((h) => h.key)).toEqual(['h', 'b']);
        expect(str(r.headers[0]!.value)).toBe('x');
      }
      expect(engine.offsets('t', p).highWatermark).toBe(expected.length);
    }
  });

  it('sends keyless records of one append to one sticky partition and honours explicit partitions', async () => {
    const engine = await openEngine();
    await engine.createTopic('t', { partitions: 8 });
    const seen = new Set<number>();
    for (let round = 0; round < 30; round++) {
      const meta = await engine.append('t', [
        { value: 'a' },
        { value: 'b', key: null },
        { value: 'c', partition: 7 },
        { value: 'd' },
      ]);
      expect(meta[1]!.partition).toBe(meta[0]!.partition);
      expect(meta[3]!.partition).toBe(meta[0]!.partition);
      expect(meta[2]!.partition).toBe(7);
      seen.add(meta[0]!.partition);
    }
    // The sticky partition moves on after each batch.
    expect(seen.size).toBeGreaterThan(1);
    expect(await codeOf(engine.append('t', [{ value: 'x', partition: 8 }]))).toBe(
      'UNKNOWN_TOPIC_OR_PARTITION',
    );
    expect(await codeOf(engine.append('t', [{ value: 'x', partition: -1 }]))).toBe(
      'UNKNOWN_TOPIC_OR_PARTITION',
    );
    expect(await codeOf(engine.append('t', [{ value: 'x', timestamp: -5 }]))).toBe('INVALID_TIMESTAMP');
  });

  it("stamps records with the engine clock and reports LogAppendTime topics' append time", async () => {
    // Our own time, but real timers so group commits still fire.
    let now = 1_700_000_000_000;
    const clock: Clock = { now: () => now, setTimeout: (fn, ms) => systemClock.setTimeout(fn, ms) };
    const engine = await openEngine({ clock });
    await engine.createTopic('create');
    await engine.createTopic('append', { configs: { 'message.timestamp.type': 'LogAppendTime' } });
    const [m1] = await engine.append('create', [{ value: 'v' }]);
    expect(m1!.timestamp).toBe(1_700_000_000_000);
    now += 5;
    const [m2] = await engine.append('append', [{ value: 'v', timestamp: 42 }]);
    expect(m2!.timestamp).toBe(1_700_000_000_005);
    expect((await readAll(engine, 'append', 0))[0]!.timestamp).toBe(1_700_000_000_005);
  });

  it('appends encoded batches and records to a partition', async () => {
    const engine = await openEngine();
    await engine.createTopic('t', { partitions: 2 });
    const r1 = await engine.appendToPartition('t', 1, [
      { key: null, value: Buffer.from('a'), timestamp: 10 },
      { key: null, value: Buffer.from('b'), timestamp: 11 },
    ]);
    expect(r1.baseOffset).toBe(0);
    expect(r1.lastOffset).toBe(1);
    const { batches } = await engine.read('t', 1, 0);
    const r2 = await engine.appendToPartition('t', 1, batches);
    expect(r2.baseOffset).toBe(2);
    expect((await readAll(engine, 't', 1)).map((r) => [r.offset, str(r.value)])).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'a'],
      [3, 'b'],
    ]);
    expect(await codeOf(engine.appendToPartition('t', 2, [{ key: null, value: null }]))).toBe(
      'UNKNOWN_TOPIC_OR_PARTITION',
    );
  });

  it('answers offsets for timestamps and deletes records', async () => {
    const engine = await openEngine();
    await engine.createTopic('t');
    for (let i = 0; i < 5; i++) await engine.append('t', [{ value: `v${i}`, timestamp: 100 * (i + 1) }]);
    expect(await engine.offsetForTimestamp('t', 0, 250)).toEqual({ offset: 2, timestamp: 300 });
    expect(await engine.offsetForTimestamp('t', 0, 9999)).toBeNull();
    expect(await engine.offsetForTimestamp('t', 0, -1)).toEqual({ offset: 5, timestamp: -1 });
    expect(await engine.offsetForTimestamp('t', 0, -2)).toEqual({ offset: 0, timestamp: -1 });
    expect(await engine.deleteRecords('t', 0, 3)).toBe(3);
    expect(engine.offsets('t', 0)).toMatchObject({ logStartOffset: 3, highWatermark: 5, logEndOffset: 5 });
    expect(await codeOf(engine.read('t', 0, 1))).toBe('OFFSET_OUT_OF_RANGE');
    expect(await codeOf(engine.deleteRecords('t', 0, 99))).toBe('OFFSET_OUT_OF_RANGE');
    expect(await engine.deleteRecords('t', 0, -1)).toBe(5);
  });

  it('rejects negative, fractional and out-of-range offsets and unknown partitions', async () => {
    const engine = await openEngine();
    await engine.createTopic('t');
    await engine.append('t', [{ value: 'v' }]);
    expect(await codeOf(engine.read('t', 0, -1))).toBe('OFFSET_OUT_OF_RANGE');
    expect(await codeOf(engine.read('t', 0, 0.5))).toBe('OFFSET_OUT_OF_RANGE');
    expect(await codeOf(engine.read('t', 0, 2))).toBe('OFFSET_OUT_OF_RANGE');
    expect(await codeOf(engine.read('t', 1, 0))).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    expect(await codeOf(() => engine.offsets('t', 1))).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    expect(await codeOf(() => engine.records('nope', 0))).toBe('UNKNOWN_TOPIC_OR_PARTITION');
  });

  it('auto-creates topics on append with num.partitions, unless disabled', async () => {
    const engine = await openEngine({ brokerConfig: { 'num.partitions': 3 } });
    const [m] = await engine.append('auto', [{ key: 'k', value: 'v' }]);
    expect(engine.describeTopic('auto').partitions).toBe(3);
    expect(m!.partition).toBe(defaultPartition('k', 3));
    // Concurrent first appends create the topic once.
    await Promise.all([engine.append('race', [{ value: '1' }]), engine.append('race', [{ value: '2' }])]);
    expect(engine.listTopics()).toEqual(['auto', 'race']);
    await closeEngine(engine);

    const strict = await openEngine({ brokerConfig: { 'auto.create.topics.enable': false } });
    expect(await codeOf(strict.append('other', [{ value: 'v' }]))).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    expect(await codeOf(strict.appendToPartition('other', 0, [{ key: null, value: null }]))).toBe(
      'UNKNOWN_TOPIC_OR_PARTITION',
    );
  });
});

describe('LogEngine reopen and recovery', () => {
  it('keeps data across a clean reopen, with the shutdown marker only while closed', async () => {
    const engine = await openEngine();
    await engine.createTopic('t', { partitions: 2 });
    const meta = await engine.append(
      't',
      Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
    );
    await closeEngine(engine);
    expect(await fsp.readdir(dir)).toContain('.rill_cleanshutdown');
    expect(await fsp.readdir(dir)).not.toContain('.lock');

    const again = await openEngine();
    expect(await fsp.readdir(dir)).not.toContain('.rill_cleanshutdown');
    for (const p of [0, 1]) {
      const expected = meta.filter((m) => m.partition === p).map((m) => m.offset);
      expect((await readAll(again, 't', p)).map((r) => r.offset)).toEqual(expected);
    }
    const more = await again.append('t', [{ key: 'k0', value: 'after' }]);
    expect(more[0]!.offset).toBe(meta.filter((m) => m.partition === more[0]!.partition).length);
  });

  it('recovers every acknowledged record after a power loss (FaultyFileIO)', async () => {
    const io = new FaultyFileIO();
    const engine = await LogEngine.open({ dataDir: '/data', io });
    await engine.createTopic('t', { partitions: 2 });
    const acked = await engine.append(
      't',
      Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
    );
    // Power loss without close: the engine is abandoned, as a killed process would be.
    const { io: rebooted } = io.crash({ mode: 'drop-unsynced', seed: 1 });
    const after = await LogEngine.open({ dataDir: '/data', io: rebooted });
    try {
      for (const p of [0, 1]) {
        const got = await readAll(after, 't', p);
        const expected = acked.map((m, i) => ({ m, i })).filter(({ m }) => m.partition === p);
        expect(got.map((r) => [r.offset, str(r.value)])).toEqual(
          expected.map(({ m, i }) => [m.offset, `v${i}`]),
        );
      }
      await after.append('t', [{ value: 'again' }]);
    } finally {
      await after.close();
    }
    // The same FileIO (the same "machine") refuses a second engine on the directory.
    const third = await LogEngine.open({ dataDir: '/data', io: rebooted });
    expect(await codeOf(LogEngine.open({ dataDir: '/data', io: rebooted }))).toBe('LOG_DIR_LOCKED');
    await third.close();
  });

  it('a power loss at any point of createTopic or deleteTopic leaves the topic wholly there or wholly gone', async () => {
    for (const op of ['create', 'delete'] as const) {
      const setUp = async (io: FaultyFileIO): Promise<LogEngine> => {
        const engine = await LogEngine.open({ dataDir: '/d', io });
        await engine.createTopic('a');
        if (op === 'delete') await engine.createTopic('b', { partitions: 2 });
        return engine;
      };
      const run = (engine: LogEngine) =>
        op === 'create' ? engine.createTopic('b', { partitions: 2 }) : engine.deleteTopic('b');
      // A dry run counts the I/O operations of the change; then cut the power before each one.
      const dry = new FaultyFileIO();
      const dryEngine = await setUp(dry);
      const before = dry.opCount;
      await run(dryEngine);
      const opsOfChange = dry.opCount - before;
      expect(opsOfChange).toBeGreaterThan(2);
      for (let k = 1; k <= opsOfChange + 1; k++) {
        const io = new FaultyFileIO();
        const engine = await setUp(io);
        let completed = false;
        if (k <= opsOfChange) io.crashAfterOps(k, { mode: 'tear-last-write', seed: k });
        try {
          await run(engine);
          completed = true;
        } catch {
          // Only the injected power loss may fail the change.
          expect(io.lastCrash).not.toBeNull();
        }
        // The crash point may fall after the change (background I/O counts too); cut it now then.
        const rebooted = io.lastCrash?.io ?? io.crash({ mode: 'drop-unsynced', seed: k }).io;
        (io as unknown as { faults: { crashAt: unknown } }).faults.crashAt = null;
        const after = await LogEngine.open({ dataDir: '/d', io: rebooted });
        try {
          const topics = after.listTopics();
          expect(topics.filter((t) => t !== 'b')).toEqual(['a']);
          if (completed) expect(topics.includes('b')).toBe(op === 'create');
          if (topics.includes('b')) {
            expect(after.describeTopic('b').partitions).toBe(2);
            await after.appendToPartition('b', 1, [{ key: null, value: Buffer.from('x'), timestamp: 1 }]);
          } else {
            expect((await rebooted.readdir('/d')).filter((f) => f.startsWith('b-'))).toEqual([]);
          }
        } finally {
          await after.close();
        }
      }
    }
  });

  it('removes partition directories of topics deleted before a crash', async () => {
    const engine = await openEngine();
    await engine.createTopic('keep');
    await closeEngine(engine);
    // A deleted topic's directory that survived a crash, and a partition beyond the count.
    await fsp.mkdir(join(dir, 'gone-0'));
    await fsp.writeFile(join(dir, 'gone-0', '00000000000000000000.log'), Buffer.alloc(0));
    await fsp.mkdir(join(dir, 'keep-1'));
    const again = await openEngine();
    expect(again.listTopics()).toEqual(['keep']);
    const entries = await fsp.readdir(dir);
    expect(entries).not.toContain('gone-0');
    expect(entries).not.toContain('keep-1');
    expect(entries).toContain('keep-0');
  });

  it('refuses partition directories without topic metadata rather than deleting them', async () => {
    await fsp.mkdir(join(dir, 'orphan-0'));
    expect(await codeOf(LogEngine.open({ dataDir: dir }))).toBe('KAFKA_STORAGE_ERROR');
    expect(await fsp.readdir(dir)).toContain('orphan-0');
    // The failed open released the lock.
    expect(await fsp.readdir(dir)).not.toContain('.lock');
  });
});

describe('LogEngine lock', () => {
  it('refuses a second engine on the directory in the same process until the first closes', async () => {
    const engine = await openEngine();
    expect(await codeOf(LogEngine.open({ dataDir: dir }))).toBe('LOG_DIR_LOCKED');
    await closeEngine(engine);
    await closeEngine(await openEngine());
  });

  it('refuses a second process', async () => {
    const engine = await openEngine();
    const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    const script = `
      import { LogEngine } from ${JSON.stringify(entry)};
      try { await LogEngine.open({ dataDir: ${JSON.stringify(dir)} }); console.log('opened'); }
      catch (e) { console.log(e.code); }
    `;
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        cwd: fileURLToPath(new URL('.', import.meta.url)),
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim()).toBe('LOG_DIR_LOCKED');
    await closeEngine(engine);
  });

  it('fails every call after close with CLOSED; close is idempotent', async () => {
    const engine = await openEngine();
    await engine.createTopic('t');
    await closeEngine(engine);
    await engine.close();
    expect(await codeOf(engine.append('t', [{ value: 'v' }]))).toBe('CLOSED');
    expect(await codeOf(engine.read('t', 0, 0))).toBe('CLOSED');
    expect(await codeOf(() => engine.listTopics())).toBe('CLOSED');
    expect(await codeOf(engine.createTopic('u'))).toBe('CLOSED');
  });
});

describe('LogEngine.records', () => {
  it('delivers existing records, waits for new ones without polling and stops on abort', async () => {
    const engine = await openEngine();
    await engine.createTopic('t');
    await engine.append('t', [{ value: 'v0' }, { value: 'v1' }, { value: 'v2' }]);
    const ac = new AbortController();
    const got: ConsumedRecord[] = [];
    let waiting!: () => void;
    const caughtUp = new Promise<void>((r) => (waiting = r));
    const consumer = (async () => {
      for await (const r of engine.records('t', 0, { fromOffset: 1, signal: ac.signal })) {
        got.push(r);
        if (got.length === 2) waiting();
      }
    })();
    await caughtUp;
    expect(got.map((r) => [r.topic, r.partition, r.offset, str(r.value)])).toEqual([
      ['t', 0, 1, 'v1'],
      ['t', 0, 2, 'v2'],
    ]);
    // The consumer is now parked on waitForData; new records wake it.
    await engine.append('t', [{ value: 'v3' }, { value: 'v4' }]);
    await waitFor(() => got.length === 4);
    expect(got.slice(2).map((r) => r.offset)).toEqual([3, 4]);
    ac.abort();
    await consumer;
    await engine.append('t', [{ value: 'v5' }]);
    expect(got).toHaveLength(4);
  });

  it('ends when the engine closes and fails when the topic is deleted', async () => {
    const engine = await openEngine();
    await engine.createTopic('t');
    await engine.createTopic('u');
    const ended = (async () => {
      const seen: number[] = [];
      for await (const r of engine.records('t', 0)) seen.push(r.offset);
      return seen;
    })();
    // Attach the handler now: the iteration fails while deleteTopic is still running.
    const failed = codeOf(
      (async () => {
        for await (const r of engine.records('u', 0)) void r;
      })(),
    );
    await engine.append('t', [{ value: 'x' }]);
    await engine.deleteTopic('u');
    expect(await failed).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    await waitFor(() => engine.offsets('t', 0).highWatermark === 1);
    await closeEngine(engine);
    expect(await ended).toEqual([0]);
  });

  it('starts at the log start offset by default', async () => {
    const engine = await openEngine();
    await engine.createTopic('t');
    await engine.append('t', [{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
    await engine.deleteRecords('t', 0, 1);
    const ac = new AbortController();
    const seen: string[] = [];
    for await (const r of engine.records('t', 0, { signal: ac.signal })) {
      seen.push(str(r.value)!);
      if (seen.length === 2) ac.abort();
    }
    expect(seen).toEqual(['b', 'c']);
    // Past the log end is out of range, as for a Kafka fetch; before the log start too.
    const first = async (fromOffset: number) => {
      for await (const r of engine.records('t', 0, { fromOffset })) return r;
      return undefined;
    };
    expect(await codeOf(first(4))).toBe('OFFSET_OUT_OF_RANGE');
    expect(await codeOf(first(-1))).toBe('OFFSET_OUT_OF_RANGE');
    expect(await codeOf(first(0))).toBe('OFFSET_OUT_OF_RANGE');
  });
});

/** Wait for a condition, bounded; never a fixed sleep. */
async function waitFor(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}
