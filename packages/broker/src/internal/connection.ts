/**
 * One client connection: frames in, responses out in request order. Requests run as they
 * arrive (a pipelined Fetch may long-poll while later requests proceed), and each response
 * waits in an arrival-ordered queue until those before it are sent. Reading pauses while too
 * many responses are pending or the client does not read, which bounds memory.
 */
import type { Socket } from 'node:net';
import {
  ApiKeys,
  ProtocolError,
  UnsupportedRequestError,
  decodeRequest,
  type DecodedRequest,
} from '@rill/protocol';
import { BrokerError } from '../errors.js';
import type { BrokerContext, ListenerInfo, RequestContext, SaslState } from './context.js';
import { answerUnsupportedApiVersions, dispatch } from './dispatch.js';
import { FrameDecoder } from './frame-decoder.js';
import { describeError } from './logger.js';
import { handleRawSaslToken } from './sasl-raw.js';

/** Requests in flight per connection before reading pauses (librdkafka pipelines up to 1M). */
const MAX_PENDING = 64;
/** Response bytes held or queued for the client before reading pauses. */
const MAX_UNSENT_BYTES = 16 * 1024 * 1024;

interface Slot {
  done: boolean;
  response: Buffer | null;
}

export class Connection {
  private readonly decoder: FrameDecoder;
  private readonly queue: Slot[] = [];
  private readonly sasl: SaslState = {
    mechanism: null,
    handshakeVersion: 1,
    authenticated: false,
    failed: false,
    principal: null,
  };
  private closed = false;
  /** Complete frames not yet started (reading is paused while there are any). */
  private readonly unread: Buffer[] = [];
  /** Re-entrancy guard: a request may finish synchronously inside updateFlow. */
  private pumping = false;
  /** Bytes of finished responses waiting behind an earlier, unfinished one. */
  private heldBytes = 0;
  private draining = false;
  private readonly clientHost: string;
  private drained: (() => void) | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly broker: BrokerContext,
    private readonly listener: ListenerInfo,
    private readonly onClose: (c: Connection) => void,
  ) {
    this.decoder = new FrameDecoder(broker.settings.socketRequestMaxBytes);
    this.clientHost = socket.remoteAddress ?? '';
    socket.setNoDelay(true);
    socket.setTimeout(broker.settings.connectionsMaxIdleMs);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.updateFlow());
    socket.on('timeout', () => {
      // Kafka's connections.max.idle.ms: only a connection with nothing in flight is idle.
      if (this.queue.length === 0) {
        broker.logger.info(`closing idle connection from ${this.peer()}`);
        this.destroy();
      }
    });
    socket.on('error', (e) => broker.logger.info(`connection ${this.peer()} failed:${describeError(e)}`));
    socket.on('close', () => {
      this.closed = true;
      this.drained?.();
      onClose(this);
    });
  }

  /**
   * Stops reading, lets in-flight requests finish and their responses go out, then ends the
   * connection (the broker's shutdown). Resolves when the socket is closed or `graceMs` passed.
   */
  async shutdown(graceMs: number): Promise<void> {
    this.draining = true;
    this.socket.pause();
    if (!this.closed && this.queue.length > 0) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, graceMs);
        this.drained = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.socket.destroy();
        resolve();
      }, graceMs);
      this.socket.once('close', () => {
        clearTimeout(t);
        resolve();
      });
      this.socket.end();
    });
  }

  private peer(): string {
    return `${this.clientHost}:${this.socket.remotePort ?? '?'} (${this.listener.name})`;
  }

  private destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private fail(error: BrokerError): void {
    this.broker.logger.error(`closing connection ${this.peer()}`, error);
    this.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.closed || this.draining) return;
    let frames: Buffer[];
    try {
      frames = this.decoder.push(chunk);
    } catch (e) {
      this.fail(
        e instanceof BrokerError ? e : new BrokerError('MALFORMED_REQUEST', 'Bad frame', { cause: e }),
      );
      return;
    }
    for (const frame of frames) this.unread.push(frame);
    this.updateFlow();
  }

  private onFrame(frame: Buffer): void {
    // After a failed authentication nothing more is read; the connection ends after the answer.
    if (this.sasl.failed) return;
    if (this.sasl.mechanism !== null && this.sasl.handshakeVersion === 0 && !this.sasl.authenticated) {
      this.enqueue(handleRawSaslToken(this.broker, this.sasl, frame));
      return;
    }
    let request: DecodedRequest;
    try {
      request = decodeRequest(frame);
    } catch (e) {
      if (e instanceof UnsupportedRequestError && e.apiKey === ApiKeys.ApiVersions) {
        // Kafka answers an ApiVersions it cannot read with v0 and the supported ranges.
        this.enqueue(Promise.resolve(answerUnsupportedApiVersions(e.correlationId)));
        return;
      }
      const code = e instanceof UnsupportedRequestError ? 'UNSUPPORTED_REQUEST' : 'MALFORMED_REQUEST';
      if (e instanceof ProtocolError) {
        this.fail(new BrokerError(code, e.message, { cause: e, kafkaCode: e.kafkaCode }));
        return;
      }
      throw e;
    }
    if (this.listener.sasl && !this.sasl.authenticated && !PRE_AUTH_APIS.has(request.apiKey)) {
      this.fail(
        new BrokerError(
          'SASL_REQUIRED',
          `api key ${request.apiKey} before SASL authentication on listener ${this.listener.name}`,
        ),
      );
      return;
    }
    this.broker.logger.debug?.(
      `request api=${request.apiKey} v${request.header.apiVersion} correlation=${request.header.correlationId} from ${this.peer()}`,
    );
    const ctx: RequestContext = {
      broker: this.broker,
      header: request.header,
      apiVersion: request.header.apiVersion,
      listener: this.listener,
      sasl: this.sasl,
      clientHost: this.clientHost,
    };
    this.enqueue(dispatch(ctx, request));
  }

  private enqueue(work: Promise<Buffer | null>): void {
    const slot: Slot = { done: false, response: null };
    this.queue.push(slot);
    work.then(
      (response) => {
        slot.done = true;
        slot.response = response;
        this.heldBytes += response?.length ?? 0;
        this.flush();
      },
      (e: unknown) => {
        slot.done = true;
        this.fail(
          e instanceof BrokerError ? e : new BrokerError('HANDLER_FAILED', 'Request failed', { cause: e }),
        );
        this.flush();
      },
    );
  }

  private flush(): void {
    while (this.queue.length > 0 && this.queue[0]!.done) {
      const slot = this.queue.shift()!;
      this.heldBytes -= slot.response?.length ?? 0;
      if (slot.response !== null && !this.closed) this.socket.write(slot.response);
    }
    if (this.queue.length === 0) {
      this.drained?.();
      if (this.sasl.failed && !this.closed) this.socket.end();
    }
    this.updateFlow();
  }

  /** Pauses reading while responses pile up; resumes when they drain. */
  private busy(): boolean {
    return this.queue.length >= MAX_PENDING || this.heldBytes + this.socket.writableLength > MAX_UNSENT_BYTES;
  }

  /**
   * Starts received requests while the connection is not busy, and pauses reading while it is.
   * Frames already split off a chunk wait in `unread` (at most one socket read's worth).
   */
  private updateFlow(): void {
    if (this.closed || this.draining || this.pumping) return;
    this.pumping = true;
    try {
      while (this.unread.length > 0 && !this.busy() && !this.closed) this.onFrame(this.unread.shift()!);
    } finally {
      this.pumping = false;
    }
    if (this.closed) return;
    const busy = this.busy() || this.unread.length > 0;
    if (busy && !this.socket.isPaused()) this.socket.pause();
    else if (!busy && this.socket.isPaused()) this.socket.resume();
  }
}

const PRE_AUTH_APIS: ReadonlySet<number> = new Set([
  ApiKeys.ApiVersions,
  ApiKeys.SaslHandshake,
  ApiKeys.SaslAuthenticate,
]);
