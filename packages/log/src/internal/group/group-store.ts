/**
 * Writes the coordinator's durable state to `__consumer_offsets` in Kafka's record formats: group
 * metadata after each rebalance, committed offsets, and tombstones. Tracks writes in flight so the
 * coordinator can wait for them (close, tests).
 */
import type { RecordInput } from '@rill/protocol';
import type { Clock } from '../clock/clock.js';
import type { AppendResult } from '../partition/types.js';
import type { Group } from './group.js';
import { EMPTY } from './member.js';
import type { OffsetsLog, TransactionalWriter } from './offsets-log.js';
import { encodeGroupMetadataValue } from './records/group-metadata-value.js';
import { encodeOffsetCommitValue, type OffsetCommitValue } from './records/offset-commit-value.js';
import { encodeGroupMetadataKey, encodeOffsetCommitKey } from './records/record-key.js';

export interface OffsetToStore {
  readonly topic: string;
  readonly partition: number;
  readonly value: OffsetCommitValue;
}

export class GroupStore {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    readonly log: OffsetsLog,
    private readonly clock: Clock,
  ) {}

  /** Resolves once no write is in flight (including writes started while waiting). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Persist the group as it is now; `assignments` overrides the members' current assignments. */
  storeGroup(group: Group, assignments?: ReadonlyMap<string, Buffer>): Promise<AppendResult> {
    const protocol = group.protocolName;
    const value = encodeGroupMetadataValue({
      protocolType: group.protocolType ?? '',
      generation: group.generationId,
      protocol,
      leader: group.leaderId,
      currentStateTimestamp: group.currentStateTimestamp,
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        rebalanceTimeoutMs: m.rebalanceTimeoutMs,
        sessionTimeoutMs: m.sessionTimeoutMs,
        subscription: protocol === null ? EMPTY : m.metadata(protocol),
        assignment: assignments?.get(m.memberId) ?? m.assignment,
      })),
    });
    return this.append(group.groupId, [{ key: encodeGroupMetadataKey(group.groupId), value }]);
  }

  /** Append committed offsets as one batch (transactional when `txn` is given). */
  storeOffsets(
    groupId: string,
    offsets: readonly OffsetToStore[],
    txn?: TransactionalWriter,
  ): Promise<AppendResult> {
    const records = offsets.map((o) => ({
      key: encodeOffsetCommitKey(groupId, o.topic, o.partition),
      value: encodeOffsetCommitValue(o.value),
    }));
    return this.append(groupId, records, txn);
  }

  /** Tombstones for some offsets of a group and, with `groupToo`, its metadata. */
  deleteGroupRecords(
    groupId: string,
    offsets: readonly { topic: string; partition: number }[],
    groupToo: boolean,
  ): Promise<AppendResult> {
    const records: RecordInput[] = offsets.map((o) => ({
      key: encodeOffsetCommitKey(groupId, o.topic, o.partition),
      value: null,
    }));
    if (groupToo) records.push({ key: encodeGroupMetadataKey(groupId), value: null });
    return this.append(groupId, records);
  }

  private append(
    groupId: string,
    records: readonly RecordInput[],
    txn?: TransactionalWriter,
  ): Promise<AppendResult> {
    const now = this.clock.now();
    const stamped = records.map((r) => ({ ...r, timestamp: now }));
    const p = this.log.append(groupId, stamped, txn);
    this.inFlight.add(p);
    const done = (): void => void this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }
}
