/**
 * GroupMetadataValue, Kafka's stored group: protocol type, generation, selected protocol, leader,
 * the time of the last state change, and each member with its subscription and assignment.
 * Written as version 3 (static members' instance ids, KIP-345); versions 0-4 are read.
 */
import { Reader, Writer } from '@rill/protocol';
import { corrupt, decodeGuarded } from './decode-guard.js';

export interface StoredMember {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  readonly rebalanceTimeoutMs: number;
  readonly sessionTimeoutMs: number;
  readonly subscription: Buffer;
  readonly assignment: Buffer;
}

export interface GroupMetadataValue {
  readonly protocolType: string;
  readonly generation: number;
  readonly protocol: string | null;
  readonly leader: string | null;
  /** -1 when unknown (records before version 2). */
  readonly currentStateTimestamp: number;
  readonly members: readonly StoredMember[];
}

export function encodeGroupMetadataValue(v: GroupMetadataValue): Buffer {
  const w = new Writer(128)
    .int16(3)
    .string(v.protocolType)
    .int32(v.generation)
    .nullableString(v.protocol)
    .nullableString(v.leader)
    .int64(v.currentStateTimestamp);
  w.array(v.members, (mw, m) => {
    mw.string(m.memberId)
      .nullableString(m.groupInstanceId)
      .string(m.clientId)
      .string(m.clientHost)
      .int32(m.rebalanceTimeoutMs)
      .int32(m.sessionTimeoutMs)
      .bytes(m.subscription)
      .bytes(m.assignment);
  });
  return w.toBuffer();
}

/**
 * Decode a stored group. Byte fields are copied, so the result does not pin the read buffer.
 * @throws LogError CORRUPT_MESSAGE for a malformed value or an unknown version.
 */
export function decodeGroupMetadataValue(buf: Buffer): GroupMetadataValue {
  return decodeGuarded('GroupMetadataValue', () => {
    const r = new Reader(buf);
    const version = r.int16();
    if (version < 0 || version > 4) throw corrupt(`Unknown GroupMetadataValue version ${version}`);
    const flex = version >= 4;
    const str = (): string => (flex ? r.compactString() : r.string());
    const nstr = (): string | null => (flex ? r.compactNullableString() : r.nullableString());
    const bytes = (): Buffer => Buffer.from(flex ? r.compactBytes() : r.bytes());
    const protocolType = str();
    const generation = r.int32();
    const protocol = nstr();
    const leader = nstr();
    const currentStateTimestamp = version >= 2 ? r.int64() : -1;
    const readMember = (): StoredMember => {
      const memberId = str();
      const groupInstanceId = version >= 3 ? nstr() : null;
      const clientId = str();
      const clientHost = str();
      const rebalanceTimeout = version >= 1 ? r.int32() : -1;
      const sessionTimeoutMs = r.int32();
      const subscription = bytes();
      const assignment = bytes();
      if (flex) r.taggedFields();
      return {
        memberId,
        groupInstanceId,
        clientId,
        clientHost,
        rebalanceTimeoutMs: rebalanceTimeout < 0 ? sessionTimeoutMs : rebalanceTimeout,
        sessionTimeoutMs,
        subscription,
        assignment,
      };
    };
    const members = (flex ? r.compactArray(readMember) : r.array(readMember)) ?? [];
    if (flex) r.taggedFields();
    if (generation < 0) throw corrupt(`GroupMetadataValue with generation ${generation}`);
    return { protocolType, generation, protocol, leader, currentStateTimestamp, members };
  });
}
