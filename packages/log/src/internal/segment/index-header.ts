/**
 * Every index file starts with a 16-byte header so its format can evolve and a file of the
 * wrong kind or segment is detected (the issue asks every index to carry a format version):
 *
 *   magic   4 bytes  "RLIX"
 *   version uint16   1
 *   kind    uint8    1 = offset index, 2 = time index
 *   (pad)   uint8    0
 *   base    int64    the segment's base offset
 *
 * Entries follow with Kafka's layouts (offset index: relative offset int32 + position int32;
 * time index: timestamp int64 + relative offset int32).
 */
export const INDEX_HEADER_SIZE = 16;
export const INDEX_FORMAT_VERSION = 1;
const MAGIC = 0x524c4958; // "RLIX"

export const IndexKind = { Offset: 1, Time: 2 } as const;
export type IndexKind = (typeof IndexKind)[keyof typeof IndexKind];

export function writeIndexHeader(buf: Buffer, kind: IndexKind, baseOffset: number): void {
  buf.writeUInt32BE(MAGIC, 0);
  buf.writeUInt16BE(INDEX_FORMAT_VERSION, 4);
  buf.writeUInt8(kind, 6);
  buf.writeUInt8(0, 7);
  buf.writeBigInt64BE(BigInt(baseOffset), 8);
}

/** Why a header is unusable, or null when it is valid for this kind and segment. */
export function checkIndexHeader(
  buf: Buffer,
  kind: IndexKind,
  baseOffset: number,
  entrySize: number,
): string | null {
  if (buf.length < INDEX_HEADER_SIZE) return 'shorter than its header';
  if (buf.readUInt32BE(0) !== MAGIC) return 'bad magic';
  if (buf.readUInt16BE(4) !== INDEX_FORMAT_VERSION) return `unsupported version ${buf.readUInt16BE(4)}`;
  if (buf.readUInt8(6) !== kind) return 'wrong index kind';
  if (Number(buf.readBigInt64BE(8)) !== baseOffset) return 'base offset mismatch';
  if ((buf.length - INDEX_HEADER_SIZE) % entrySize !== 0) return 'partial entry';
  return null;
}
