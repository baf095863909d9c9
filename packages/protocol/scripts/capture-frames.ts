/**
 * Captures request and response frames of real Kafka clients (kafkajs, kcat/librdkafka,
 * confluent-kafka-python, kafka-python) into test/fixtures/frames/<client>/.
 *
 * Like capture-golden.ts, it runs a small in-memory Kafka server on 127.0.0.1, here built
 * on this package's API codecs: one broker (node 0), topics of one partition created on
 * demand, a one-member group coordinator, offsets in memory. Not a broker: enough for the
 * clients to produce, consume in a group, commit and leave. Each client runs under
 * `timeout 20`. Run from the repo root:
 *
 *   npx tsx --conditions=source packages/protocol/scripts/capture-frames.ts [client ...]
 *
 * Per client the first two frames of each (api, version, direction) are kept, as they were
 * on the wire (size prefix included), with manifest.json describing them.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DecodedRequest,
  decodeRequest,
  encodeResponse,
  frameLength,
  SUPPORTED_APIS,
  UnsupportedRequestError,
} from '../src/index.js';
import { captureClients } from './capture-frames-clients.js';
import { GROUP_HANDLERS } from './capture-frames-groups.js';
import { CaptureState, DATA_HANDLERS, type Handler } from './capture-frames-state.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'frames');
const KEEP_PER_KIND = 2;

interface Entry {
  file: string;
  direction: 'request' | 'response';
  apiKey: number;
  apiName: string;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

class Sink {
  readonly entries: Entry[] = [];
  private readonly counts = new Map<string, number>();

  constructor(readonly dir: string) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  save(frame: Buffer, direction: Entry['direction'], h: Omit<Entry, 'file' | 'direction' | 'apiName'>): void {
    const apiName = SUPPORTED_APIS.find((a) => a.apiKey === h.apiKey)?.name ?? `api${h.apiKey}`;
    const kind = `${apiName}-v${h.apiVersion}-${direction}`;
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n > KEEP_PER_KIND) return;
    const file = `${kind}-${n}.bin`;
    writeFileSync(join(this.dir, file), frame);
    this.entries.push({ file, direction, apiName, ...h });
  }

  finish(): void {
    this.entries.sort((a, b) => a.file.localeCompare(b.file));
    writeFileSync(join(this.dir, 'manifest.json'), `${JSON.stringify(this.entries, null, 2)}\n`);
  }
}

const HANDLERS: Partial<Record<number, Handler>> = { ...DATA_HANDLERS, ...GROUP_HANDLERS };

/** The server's per-process state besides the Kafka state. */
interface Capture {
  readonly state: CaptureState;
  sink: Sink | null;
  /** Requests being handled (a Fetch may long-poll past its client's exit). */
  inflight: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
function serve(c: Capture, socket: Socket, failures: string[]): void {
  let pending = Buffer.alloc(0);
  let chain: Promise<void> = Promise.resolve();
  const handle = async (frame: Buffer): Promise<void> => {
    let req: DecodedRequest;
    try {
      req = decodeRequest(frame.subarray(4));
    } catch (e) {
      const what = e instanceof UnsupportedRequestError ? `api ${e.apiKey} v${e.apiVersion}` : String(e);
      failures.push(`undecodable request (${what})`);
      socket.destroy();
      return;
    }
    const h = req.header;
    const sink = c.sink;
    sink?.save(frame, 'request', {
      apiKey: h.apiKey,
      apiVersion: h.apiVersion,
      correlationId: h.correlationId,
      clientId: h.clientId,
    });
    const handler = HANDLERS[req.apiKey];
    if (!handler) {
      console.error(`no handler for ${req.apiKey} v${h.apiVersion}; closing connection`);
      socket.destroy();
      return;
    }
    const body = await handler(c.state, req);
    if (body === undefined) return;
    const out = encodeResponse(h, req.apiKey, h.apiVersion, body as never);
    sink?.save(out, 'response', {
      apiKey: h.apiKey,
      apiVersion: h.apiVersion,
      correlationId: h.correlationId,
      clientId: h.clientId,
    });
    if (!socket.destroyed) socket.write(out);
  };
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (let n = frameLength(pending, 0, 100 << 20); n > 0; n = frameLength(pending, 0, 100 << 20)) {
      const frame = pending.subarray(0, n);
      pending = pending.subarray(n);
      c.inflight++;
      chain = chain
        .then(() => handle(frame))
        .catch((e: unknown) => {
          failures.push(`handler failed: ${String(e)}`);
          socket.destroy();
        })
        .finally(() => c.inflight--);
    }
  });
  socket.on('error', (err) => console.error(`socket error: ${err.message}`));
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const failures: string[] = [];
  let c: Capture | null = null;
  const server = createServer((s) => (c ? serve(c, s, failures) : s.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const capture: Capture = (c = { state: new CaptureState(port), sink: null, inflight: 0 });
  for (const client of captureClients(port)) {
    if (only.length > 0 && !only.includes(client.label)) continue;
    const sink = (capture.sink = new Sink(join(ROOT, client.label)));
    for (const step of client.steps) {
      const child = spawn('timeout', ['20', ...step.command], {
        stdio: ['pipe', 'inherit', 'inherit'],
        cwd: step.cwd,
      });
      child.stdin.end(step.input ?? '');
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      if (code !== 0) failures.push(`${client.label}/${step.name}: exit ${String(code)}`);
    }
    for (let waited = 0; capture.inflight > 0 && waited < 3000; waited += 50) await sleep(50);
    capture.sink = null;
    sink.finish();
    console.log(`${client.label}: ${sink.entries.length} frames kept`);
  }
  server.close();
  if (failures.length > 0) {
    console.error(`capture failures:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main();
