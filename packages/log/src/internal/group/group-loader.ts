/**
 * Recovery: rebuild groups and committed offsets by replaying `__consumer_offsets` (the latest
 * record per key wins; a tombstone deletes). Transactional offset commits count only once their
 * COMMIT marker is replayed; those still open stay pending (KIP-447). A group with members comes
 * back Stable, as in Kafka: its members must heartbeat within their session or be evicted.
 */
import { Group } from './group.js';
import type { TopicPartitionOffset } from './group-offsets.js';
import { Member } from './member.js';
import type { OffsetsLog } from './offsets-log.js';
import { decodeGroupMetadataValue, type GroupMetadataValue } from './records/group-metadata-value.js';
import { decodeOffsetCommitValue } from './records/offset-commit-value.js';
import { decodeOffsetsTopicKey } from './records/record-key.js';

interface LoadedOffset {
  readonly group: string;
  readonly value: Parsed<TopicPartitionOffset | null>;
}

/** What the replay of every partition found. */
export interface LoadedState {
  readonly groups: Map<string, Group>;
  /** producerId -> groups with an open transactional commit of that producer. */
  readonly openTransactions: Map<number, Set<string>>;
}

/** @throws LogError CORRUPT_MESSAGE when a stored record cannot be parsed. */
export async function loadGroups(log: OffsetsLog, now: number): Promise<LoadedState> {
  const state: LoadedState = { groups: new Map(), openTransactions: new Map() };
  for (let p = 0; p < log.numPartitions; p++) await loadPartition(log, p, now, state);
  return state;
}

/** A stored value, or why it could not be parsed (fatal only if no later record supersedes it). */
type Parsed<T> = { readonly ok: T } | { readonly error: unknown };

function parse<T>(fn: () => T): Parsed<T> {
  try {
    return { ok: fn() };
  } catch (error) {
    return { error };
  }
}

function valueOf<T>(p: Parsed<T>): T {
  if ('error' in p) throw p.error;
  return p.ok;
}

async function loadPartition(
  log: OffsetsLog,
  partition: number,
  now: number,
  state: LoadedState,
): Promise<void> {
  const metadata = new Map<string, Parsed<GroupMetadataValue | null>>();
  const offsets = new Map<string, LoadedOffset>();
  const pending = new Map<number, Map<string, LoadedOffset>>();
  const put = (into: Map<string, LoadedOffset>, k: string, v: LoadedOffset): void => {
    const existing = into.get(k)?.value;
    const e = existing === undefined || 'error' in existing ? null : existing.ok;
    const n = 'error' in v.value ? null : v.value.ok;
    if (e === null || n === null || e.recordOffset <= n.recordOffset) into.set(k, v);
  };
  await log.replay(partition, {
    record(r) {
      // A key that cannot be read cannot be superseded either: fail now.
      const key = decodeOffsetsTopicKey(r.key);
      if (key === null) return;
      if (key.kind === 'group') {
        const raw = r.value;
        metadata.set(
          key.group,
          parse(() => (raw === null ? null : decodeGroupMetadataValue(raw))),
        );
        return;
      }
      const raw = r.value;
      const value = parse(() =>
        raw === null
          ? null
          : {
              topic: key.topic,
              partition: key.partition,
              recordOffset: r.offset,
              ...decodeOffsetCommitValue(raw),
            },
      );
      const k = `${key.group}\u0000${key.topic}\u0000${key.partition}`;
      if (r.transactionalProducerId < 0) {
        offsets.set(k, { group: key.group, value });
        return;
      }
      let txn = pending.get(r.transactionalProducerId);
      if (txn === undefined) pending.set(r.transactionalProducerId, (txn = new Map()));
      txn.set(k, { group: key.group, value });
    },
    marker(producerId, commit) {
      const txn = pending.get(producerId);
      pending.delete(producerId);
      if (commit && txn !== undefined) for (const [k, v] of txn) put(offsets, k, v);
    },
  });

  // Only the latest record per key counts (as after compaction); it must be readable.
  const groupOf = (id: string): Group => {
    let g = state.groups.get(id);
    if (g === undefined) state.groups.set(id, (g = new Group(id, now)));
    return g;
  };
  for (const [id, parsed] of metadata) {
    const value = valueOf(parsed);
    if (value !== null) restoreGroup(groupOf(id), value);
  }
  for (const { group, value } of offsets.values()) {
    const v = valueOf(value);
    if (v !== null) groupOf(group).offsets.apply(v.topic, v.partition, v);
  }
  for (const [producerId, txn] of pending) {
    for (const { group, value } of txn.values()) {
      const v = valueOf(value);
      if (v === null) continue;
      groupOf(group).offsets.addPendingTransactional(producerId, v);
      let groups = state.openTransactions.get(producerId);
      if (groups === undefined) state.openTransactions.set(producerId, (groups = new Set()));
      groups.add(group);
    }
  }
}

function restoreGroup(group: Group, v: GroupMetadataValue): void {
  group.protocolType = v.protocolType === '' ? null : v.protocolType;
  group.generationId = v.generation;
  group.protocolName = v.protocol;
  group.currentStateTimestamp = v.currentStateTimestamp;
  // Members without a selected protocol cannot be a generation; Kafka never writes that.
  for (const m of v.protocol === null ? [] : v.members) {
    const member = new Member(
      m.memberId,
      m.groupInstanceId,
      m.clientId,
      m.clientHost,
      m.rebalanceTimeoutMs,
      m.sessionTimeoutMs,
      v.protocolType,
      v.protocol === null ? [] : [{ name: v.protocol, metadata: m.subscription }],
    );
    member.assignment = m.assignment;
    group.add(member);
  }
  group.leaderId =
    v.leader !== null && group.has(v.leader) ? v.leader : (group.members.keys().next().value ?? null);
  group.state = group.size > 0 && v.protocol !== null ? 'Stable' : 'Empty';
  group.refreshSubscribedTopics();
}
