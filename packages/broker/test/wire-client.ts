/** A minimal Kafka wire client for tests: sends frames, collects response frames in order. */
import { connect, type Socket } from 'node:net';
import {
  decodeResponse,
  encodeRequest,
  type ApiKey,
  type ApiRequests,
  type ApiResponses,
} from '@rill/protocol';

export class WireClient {
  private buffered = Buffer.alloc(0);
  private readonly frames: Buffer[] = [];
  private waiters: (() => void)[] = [];
  private nextCorrelation = 1;
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, d]);
      while (this.buffered.length >= 4) {
        const size = this.buffered.readInt32BE(0);
        if (this.buffered.length < 4 + size) break;
        this.frames.push(this.buffered.subarray(4, 4 + size));
        this.buffered = this.buffered.subarray(4 + size);
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  static open(port: number, host = '127.0.0.1'): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const s = connect(port, host, () => resolve(new WireClient(s)));
      s.once('error', reject);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Writes raw bytes. */
  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Encodes and sends a request; returns its correlation id. */
  send<K extends ApiKey>(
    apiKey: K,
    apiVersion: number,
    body: ApiRequests[K],
    clientId = 'wire-test',
  ): number {
    const correlationId = this.nextCorrelation++;
    this.write(encodeRequest({ apiKey, apiVersion, correlationId, clientId }, body));
    return correlationId;
  }

  /** The next response frame, or null if the connection closed first. Bounded by `timeoutMs`. */
  async nextFrame(timeoutMs = 5000): Promise<Buffer | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      if (this.closed) return null;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no response within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.frames.shift()!;
  }

  /** Sends a request and decodes its response. */
  async call<K extends ApiKey>(
    apiKey: K,
    apiVersion: number,
    body: ApiRequests[K],
  ): Promise<ApiResponses[K]> {
    const id = this.send(apiKey, apiVersion, body);
    return this.receive(apiKey, apiVersion, id);
  }

  async receive<K extends ApiKey>(
    apiKey: K,
    apiVersion: number,
    correlationId: number,
    timeoutMs = 5000,
  ): Promise<ApiResponses[K]> {
    const frame = await this.nextFrame(timeoutMs);
    if (frame === null) throw new Error('connection closed');
    const r = decodeResponse(frame, apiKey, apiVersion);
    if (r.correlationId !== correlationId)
      throw new Error(`correlation ${r.correlationId} != ${correlationId}`);
    return r.body;
  }

  /** Resolves true when the broker closes the connection within `timeoutMs`. */
  async waitClosed(timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, deadline - Date.now());
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.closed;
  }

  close(): void {
    this.socket.destroy();
  }
}
