/**
 * Segment file naming, as Kafka: `<20-digit zero-padded base offset>.<suffix>`, plus the
 * transient suffixes used while deleting (`.deleted`) and replacing segments (`.cleaned`,
 * `.swap`).
 */
import { join } from 'node:path';

export const LOG_SUFFIX = '.log';
export const INDEX_SUFFIX = '.index';
export const TIME_INDEX_SUFFIX = '.timeindex';
/** The aborted-transactions index of a segment; see producer/txn-index.ts. */
export const TXN_INDEX_SUFFIX = '.txnindex';
export const DELETED_SUFFIX = '.deleted';
export const CLEANED_SUFFIX = '.cleaned';
export const SWAP_SUFFIX = '.swap';
/** Records which segments a replacement supersedes; see partition/segment-replacement.ts. */
export const REPLACE_SUFFIX = '.replace';

/** `00000000000000000042` for 42. */
export function offsetToName(offset: number): string {
  return String(offset).padStart(20, '0');
}

export function segmentPath(dir: string, baseOffset: number, suffix: string): string {
  return join(dir, offsetToName(baseOffset) + suffix);
}

export interface ParsedSegmentName {
  readonly baseOffset: number;
  /** The file kind, e.g. `.log`, `.index`. */
  readonly suffix: string;
  /** Transient state suffix appended after the kind (`.deleted`, `.cleaned`, `.swap`), or ''. */
  readonly state: string;
}

const NAME_RE = /^(\d{20})(\.log|\.index|\.timeindex|\.txnindex|\.replace)(\.deleted|\.cleaned|\.swap)?$/;

/** Parse a segment file name; null for anything else (checkpoints, temp files). */
export function parseSegmentName(name: string): ParsedSegmentName | null {
  const m = NAME_RE.exec(name);
  if (m === null) return null;
  const baseOffset = Number(m[1]);
  if (!Number.isSafeInteger(baseOffset)) return null;
  return { baseOffset, suffix: m[2]!, state: m[3] ?? '' };
}
