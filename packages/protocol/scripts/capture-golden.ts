/**
 * Captures golden record batches from real Kafka clients (librdkafka via kcat and
 * confluent-kafka-python) into test/fixtures/.
 *
 * A minimal Kafka server, hand-coded over Reader/Writer, answers just ApiVersions,
 * Metadata and Produce, and saves the record-batch bytes of every Produce request.
 * Not a broker: one topic, one partition, broker 0 at 127.0.0.1; every other API
 * closes the connection. Run from the repo root:
 *
 *   npx tsx --conditions=source packages/protocol/scripts/capture-golden.ts
 *
 * KCAT_DEBUG=msg,protocol passes `-d` to kcat to see why librdkafka chose a codec.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Reader, splitBatches, Writer } from '../src/index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures');
const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
const TOPIC = 'golden';

/** The messages each client sends; test/golden.test.ts checks the fixtures against the same values. */
const KCAT_LINES = ['k1:v1', 'k2:hello world', `k3:${'abcdefgh'.repeat(40)}`];
const KCAT_HEADERS = ['h1=v1', 'h2=second'];

const PYTHON_SCRIPT = `
import sys
from confluent_kafka import Producer
port, codec = sys.argv[1], sys.argv[2]
p = Producer({'bootstrap.servers': '127.0.0.1:' + port, 'compression.type': codec,
              'linger.ms': 200, 'api.version.request': True})
p.produce('${TOPIC}', key=b'pk1', value=b'py-value-1', headers=[('a', b'1'), ('a', b'2'), ('n', None)])
p.produce('${TOPIC}', key=None, value=b'no key', timestamp=1700000000000)
p.produce('${TOPIC}', key=b'tombstone', value=None)
p.produce('${TOPIC}', key=b'big', value=b'0123456789' * 50, headers=[('utf8-\\u00e9', b'\\xff\\x00')])
left = p.flush(15)
sys.exit(1 if left else 0)
`;

// API keys and the version ranges advertised. librdkafka derives features from these and
// each feature needs specific versions inside the ranges (MsgVer1 needs Produce 2, which
// gzip/snappy/lz4 depend on; MsgVer2 needs Produce 3 + Fetch 4; ZSTD needs Produce 7 +
// Fetch 10; LZ4 needs FindCoordinator 0), so ranges start at 0 and include APIs we never
// serve: a producer does not call them.
const API_PRODUCE = 0;
const API_METADATA = 3;
const API_VERSIONS = 18;
const API_INIT_PRODUCER_ID = 22;
/** Producer id handed to idempotent producers, so fixtures show non-default producer fields. */
const PRODUCER_ID = 4242;
const ADVERTISED: ReadonlyArray<readonly [number, number, number]> = [
  [API_PRODUCE, 0, 7],
  [1, 0, 11], // Fetch
  [2, 0, 5], // ListOffsets
  [API_METADATA, 0, 8],
  [8, 0, 7], // OffsetCommit
  [9, 0, 5], // OffsetFetch
  [10, 0, 2], // FindCoordinator
  [11, 0, 5], // JoinGroup
  [12, 0, 3], // Heartbeat
  [13, 0, 3], // LeaveGroup
  [14, 0, 3], // SyncGroup
  [API_VERSIONS, 0, 3],
  [API_INIT_PRODUCER_ID, 0, 1],
];

type Capture = Buffer[];

function handleApiVersions(version: number, w: Writer): void {
  const flexible = version >= 3;
  w.int16(0);
  const writeKey = (x: Writer, [key, min, max]: readonly [number, number, number]): void => {
    x.int16(key).int16(min).int16(max);
    if (flexible) x.taggedFields();
  };
  if (flexible) w.compactArray(ADVERTISED, writeKey);
  else w.array(ADVERTISED, writeKey);
  if (version >= 1) w.int32(0);
  if (flexible) w.taggedFields();
}

function handleMetadata(version: number, r: Reader, w: Writer, port: number): void {
  // v0 has a non-nullable topics array, v1+ a nullable one (null = all topics); same bytes otherwise.
  const requested = r.array((x) => x.string());
  const topics = requested && requested.length > 0 ? requested : [TOPIC];
  if (version >= 3) w.int32(0);
  w.array([0], (x) => {
    x.int32(0).string('127.0.0.1').int32(port);
    if (version >= 1) x.nullableString(null);
  });
  if (version >= 2) w.nullableString('golden-cluster');
  if (version >= 1) w.int32(0);
  w.array(topics, (x, name) => {
    x.int16(0).string(name);
    if (version >= 1) x.boolean(false);
    x.array([0], (y) => {
      y.int16(0).int32(0).int32(0);
      if (version >= 7) y.int32(0);
      y.array([0], (z, n) => z.int32(n)).array([0], (z, n) => z.int32(n));
      if (version >= 5) y.array([], (z, n: number) => z.int32(n));
    });
    if (version >= 8) x.int32(-2147483648);
  });
  if (version >= 8) w.int32(-2147483648);
}

let nextOffset = 0;

function handleProduce(version: number, r: Reader, w: Writer, capture: Capture): boolean {
  r.nullableString(); // transactional id
  const acks = r.int16();
  r.int32(); // timeout
  const topics = r.array((t) => ({
    name: t.string(),
    partitions: t.array((p) => ({ index: p.int32(), records: p.nullableBytes() })) ?? [],
  }));
  const results = (topics ?? []).map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => {
      const batches = p.records === null ? [] : splitBatches(p.records);
      for (const b of batches) capture.push(Buffer.from(b));
      const base = nextOffset;
      for (const b of batches) nextOffset += b.readInt32BE(23) + 1;
      return { index: p.index, base };
    }),
  }));
  if (acks === 0) return false;
  w.array(results, (x, t) => {
    x.string(t.name).array(t.partitions, (y, p) => {
      y.int32(p.index).int16(0).int64(p.base);
      if (version >= 2) y.int64(-1);
      if (version >= 5) y.int64(0);
    });
  });
  if (version >= 1) w.int32(0);
  return true;
}

function serve(socket: Socket, port: number, capture: Capture): void {
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      const frame = pending.subarray(4, 4 + pending.readInt32BE(0));
      pending = pending.subarray(4 + frame.length);
      const r = new Reader(frame);
      const apiKey = r.int16();
      const version = r.int16();
      const correlationId = r.int32();
      r.nullableString(); // client id
      if (apiKey === API_VERSIONS && version >= 3) r.taggedFields();
      const w = new Writer().int32(0).int32(correlationId); // size placeholder, response header v0
      let respond = true;
      if (apiKey === API_VERSIONS) handleApiVersions(version, w);
      else if (apiKey === API_METADATA) handleMetadata(version, r, w, port);
      else if (apiKey === API_PRODUCE) respond = handleProduce(version, r, w, capture);
      else if (apiKey === API_INIT_PRODUCER_ID) w.int32(0).int16(0).int64(PRODUCER_ID).int16(0);
      else {
        console.error(`unsupported api ${apiKey} v${version}; closing connection`);
        socket.destroy();
        return;
      }
      if (!respond) continue;
      const out = w.toBuffer();
      out.writeInt32BE(out.length - 4, 0);
      socket.write(out);
    }
  });
  socket.on('error', (err) => console.error(`socket error: ${err.message}`));
}

async function main(): Promise<void> {
  const capture: Capture = [];
  const server = createServer((s) => serve(s, (server.address() as AddressInfo).port, capture));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  mkdirSync(FIXTURES, { recursive: true });
  const failures: string[] = [];

  const run = async (label: string, cmd: string, args: string[], input?: string): Promise<void> => {
    capture.length = 0;
    // Asynchronous spawn: this process must keep serving the client meanwhile.
    const child = spawn(cmd, args, { stdio: ['pipe', 'inherit', 'inherit'] });
    child.stdin.end(input ?? '');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0 || capture.length === 0) {
      failures.push(`${label}: exit ${String(code)}, ${capture.length} batches`);
      return;
    }
    // One file per client run: the batches concatenated as in a log segment (librdkafka
    // sometimes splits the messages over two Produce requests).
    writeFileSync(join(FIXTURES, `${label}.bin`), Buffer.concat(capture));
    console.log(`${label}: ${capture.length} batch(es), ${capture.map((b) => b.length).join('+')} bytes`);
  };

  for (const codec of CODECS) {
    const args = [
      '20',
      'kcat',
      '-P',
      '-b',
      `127.0.0.1:${port}`,
      '-t',
      TOPIC,
      '-p',
      '0',
      '-K',
      ':',
      '-z',
      codec,
    ];
    for (const h of KCAT_HEADERS) args.push('-H', h);
    args.push('-X', 'api.version.request=true', '-X', 'linger.ms=200');
    if (process.env.KCAT_DEBUG) args.push('-d', process.env.KCAT_DEBUG);
    await run(`kcat-${codec}`, 'timeout', args, `${KCAT_LINES.join('\n')}\n`);
  }
  for (const codec of CODECS) {
    await run(`confluent-${codec}`, 'timeout', [
      '20',
      '/usr/bin/python3',
      '-c',
      PYTHON_SCRIPT,
      String(port),
      codec,
    ]);
  }
  await run(`confluent-idempotent-lz4`, 'timeout', [
    '20',
    '/usr/bin/python3',
    '-c',
    PYTHON_SCRIPT.replace("'linger.ms': 200,", "'linger.ms': 200, 'enable.idempotence': True,"),
    String(port),
    'lz4',
  ]);
  server.close();
  if (failures.length > 0) {
    console.error(`capture failures:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main();
