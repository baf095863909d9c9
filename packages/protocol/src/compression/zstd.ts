import { compress as zstdCompressSimple } from 'zstd-napi';
import binding from 'zstd-napi/binding.js';
import { ProtocolError } from '../errors/protocol-error.js';

/** Level 3 is zstd's and Kafka's default. */
export function zstdCompress(data: Buffer): Buffer {
  return zstdCompressSimple(data, { compressionLevel: 3 });
}

let dctx: binding.DCtx | undefined;
const OUT_CHUNK = 128 * 1024;

/**
 * Streaming decompression: frames written by the Java client (zstd-jni's output stream)
 * omit the content size, so one-shot decompression cannot size its output.
 */
export function zstdDecompress(data: Buffer): Buffer {
  dctx ??= new binding.DCtx();
  // A previous corrupt input may have left the context mid-frame.
  dctx.reset(binding.ResetDirective.sessionOnly);
  const chunks: Buffer[] = [];
  let total = 0;
  let input = data;
  let hint = 1;
  try {
    for (;;) {
      const out = Buffer.allocUnsafe(Math.max(OUT_CHUNK, input.length * 4));
      const [ret, produced, consumed] = dctx.decompressStream(out, input);
      if (produced > 0) {
        chunks.push(out.subarray(0, produced));
        total += produced;
      }
      input = input.subarray(consumed);
      hint = ret;
      if (input.length === 0 && (ret === 0 || produced < out.length)) break;
      if (produced === 0 && consumed === 0) throw new Error('no progress');
    }
  } catch (cause) {
    throw new ProtocolError('CORRUPT_MESSAGE', `invalid zstd data: ${(cause as Error).message}`, { cause });
  }
  if (hint !== 0) throw new ProtocolError('CORRUPT_MESSAGE', 'zstd data ends inside a frame');
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}
