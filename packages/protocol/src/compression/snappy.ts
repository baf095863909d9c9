import { compressSync, uncompressSync } from 'snappy';
import { ProtocolError } from '../errors/protocol-error.js';

/** 0x82 'SNAPPY' 0: the header xerial's SnappyOutputStream (the Java client) writes. */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
/** Magic + version int32 + min-compatible-version int32. */
const XERIAL_HEADER_SIZE = 16;

/** Raw snappy, as librdkafka writes; every Kafka reader also accepts it. */
export function snappyCompress(data: Buffer): Buffer {
  return compressSync(data);
}

/** Decodes raw snappy or the xerial-framed form (blocks of [int32 length][raw snappy]). */
export function snappyDecompress(data: Buffer): Buffer {
  if (!isXerialFramed(data)) return uncompressRaw(data);
  const chunks: Buffer[] = [];
  let pos = XERIAL_HEADER_SIZE;
  while (pos < data.length) {
    if (data.length - pos < 4) throw corrupt(`truncated xerial block length at ${pos}`);
    const len = data.readInt32BE(pos);
    pos += 4;
    if (len < 0 || len > data.length - pos)
      throw corrupt(`xerial block of ${len} bytes at ${pos} overruns the input`);
    chunks.push(uncompressRaw(data.subarray(pos, pos + len)));
    pos += len;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

function isXerialFramed(data: Buffer): boolean {
  return data.length >= XERIAL_HEADER_SIZE && data.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC);
}

function uncompressRaw(data: Buffer): Buffer {
  try {
    return uncompressSync(data, { asBuffer: true }) as Buffer;
  } catch (cause) {
    throw corrupt(`invalid snappy data: ${(cause as Error).message}`, cause);
  }
}

function corrupt(message: string, cause?: unknown): ProtocolError {
  return new ProtocolError('CORRUPT_MESSAGE', message, { cause });
}
