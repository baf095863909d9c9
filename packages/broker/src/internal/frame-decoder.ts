/**
 * Splits a byte stream into Kafka request frames (int32 size + body). The size is checked
 * against `socket.request.max.bytes` as soon as its 4 bytes arrive, before any of the body is
 * buffered, so a bogus size never allocates.
 */
import { BrokerError } from '../errors.js';

export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Body size of the frame being assembled, or -1 while its size prefix is incomplete. */
  private need = -1;

  constructor(private readonly maxFrameBytes: number) {}

  /** Bytes held for a frame not yet complete. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /**
   * Adds `chunk` and returns the frames it completes (bodies, size prefix stripped). A frame
   * inside one chunk is a view of it; one spanning chunks is copied once.
   * @throws BrokerError FRAME_TOO_LARGE for a negative size or one above the limit.
   */
  push(chunk: Buffer): Buffer[] {
    const frames: Buffer[] = [];
    let data = chunk;
    // Fast path: nothing pending, whole frames in this chunk.
    if (this.buffered === 0) {
      let pos = 0;
      while (data.length - pos >= 4) {
        const size = this.checkSize(data.readInt32BE(pos));
        if (data.length - pos - 4 < size) break;
        frames.push(data.subarray(pos + 4, pos + 4 + size));
        pos += 4 + size;
      }
      if (pos === data.length) return frames;
      data = data.subarray(pos);
    }
    this.chunks.push(data);
    this.buffered += data.length;
    for (;;) {
      if (this.need < 0) {
        if (this.buffered < 4) return frames;
        this.need = this.checkSize(this.peekInt32());
      }
      if (this.buffered < 4 + this.need) return frames;
      const whole = this.take(4 + this.need);
      frames.push(whole.subarray(4));
      this.need = -1;
    }
  }

  private checkSize(size: number): number {
    if (size < 0 || size > this.maxFrameBytes) {
      throw new BrokerError(
        'FRAME_TOO_LARGE',
        `Request frame size ${size} is outside [0, ${this.maxFrameBytes}] (socket.request.max.bytes)`,
        { kafkaCode: 2 },
      );
    }
    return size;
  }

  private peekInt32(): number {
    const first = this.chunks[0]!;
    if (first.length >= 4) return first.readInt32BE(0);
    const head = Buffer.concat(this.chunks, Math.min(4, this.buffered)).subarray(0, 4);
    return head.readInt32BE(0);
  }

  /** Removes and returns the first `n` buffered bytes. */
  private take(n: number): Buffer {
    const first = this.chunks[0]!;
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const c = this.chunks[0]!;
        const k = Math.min(c.length, n - filled);
        c.copy(out, filled, 0, k);
        filled += k;
        if (k === c.length) this.chunks.shift();
        else this.chunks[0] = c.subarray(k);
      }
    }
    this.buffered -= n;
    return out;
  }
}
