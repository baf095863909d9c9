import { gunzipSync, gzipSync } from 'node:zlib';
import { compressFrameSync, decompressFrameSync } from 'lz4-napi';
import { ProtocolError } from '../errors/protocol-error.js';
import type { CompressionCodecName } from '../record-batch/types.js';
import { snappyCompress, snappyDecompress } from './snappy.js';
import { zstdCompress, zstdDecompress } from './zstd.js';

const NAMES: readonly CompressionCodecName[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

/** Maps a codec id (attributes bits 0-2) to its name; UNSUPPORTED_COMPRESSION_TYPE for 5-7. */
export function compressionCodecName(id: number): CompressionCodecName {
  const name = NAMES[id];
  if (name === undefined) {
    throw new ProtocolError('UNSUPPORTED_COMPRESSION_TYPE', `unknown compression codec id ${id}`);
  }
  return name;
}

/**
 * Compresses a record section with a Kafka codec. lz4 writes the LZ4 frame format
 * (Kafka's format since magic 1); snappy writes raw snappy (as librdkafka does).
 */
export function compress(codec: CompressionCodecName | number, data: Buffer): Buffer {
  const name = typeof codec === 'number' ? compressionCodecName(codec) : codec;
  try {
    switch (name) {
      case 'none':
        return data;
      case 'gzip':
        return gzipSync(data);
      case 'snappy':
        return snappyCompress(data);
      case 'lz4':
        return compressFrameSync(data);
      case 'zstd':
        return zstdCompress(data);
    }
  } catch (cause) {
    throw new ProtocolError(
      'UNSUPPORTED_COMPRESSION_TYPE',
      `${name} compression failed: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  throw new ProtocolError('UNSUPPORTED_COMPRESSION_TYPE', `unknown compression codec ${String(name)}`);
}

/** Decompresses a record section; CORRUPT_MESSAGE if the data is not valid for the codec. */
export function decompress(codec: CompressionCodecName | number, data: Buffer): Buffer {
  const name = typeof codec === 'number' ? compressionCodecName(codec) : codec;
  switch (name) {
    case 'none':
      return data;
    case 'snappy':
      return snappyDecompress(data);
    case 'zstd':
      return zstdDecompress(data);
    case 'gzip':
      return guard(name, () => gunzipSync(data));
    case 'lz4':
      return guard(name, () => decompressFrameSync(data));
  }
  throw new ProtocolError('UNSUPPORTED_COMPRESSION_TYPE', `unknown compression codec ${String(name)}`);
}

function guard(name: string, fn: () => Buffer): Buffer {
  try {
    return fn();
  } catch (cause) {
    throw new ProtocolError('CORRUPT_MESSAGE', `invalid ${name} data: ${(cause as Error).message}`, {
      cause,
    });
  }
}
