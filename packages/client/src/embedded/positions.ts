/**
 * Resolving fetch positions (Kafka's offset reset logic): the group's committed offset, else
 * `auto.offset.reset`, or a pending seek to the beginning or end; and the positions to commit.
 */
import type { GroupCoordinator, LogEngine } from '@rill/log';
import {
  tpName,
  type AutoOffsetReset,
  type TopicPartition,
  type TopicPartitionOffset,
} from '../api/common.js';
import { ClientError } from '../errors.js';
import { fetchGroupOffsets } from './admin-groups.js';
import type { Fetcher } from './fetcher.js';
import { logStartOffset } from './offsets.js';
import type { PartitionState, PartitionStates } from './partition-states.js';

export interface PositionDeps {
  readonly engine: LogEngine;
  readonly fetcher: Fetcher;
  readonly states: PartitionStates;
  readonly groupId: string | null;
  readonly autoOffsetReset: AutoOffsetReset;
  readonly coordinator: () => Promise<GroupCoordinator>;
}

export class Positions {
  constructor(private readonly deps: PositionDeps) {}

  /** Resolve the unknown positions among `pending` (one OffsetFetch for those that need it). */
  async resolve(pending: readonly PartitionState[]): Promise<void> {
    if (pending.length === 0) return;
    const { groupId } = this.deps;
    const committedFor = pending.filter((s) => s.reset === 'committed');
    const committed = new Map<string, number>();
    if (committedFor.length > 0 && groupId !== null) {
      const got = await fetchGroupOffsets(await this.deps.coordinator(), groupId, committedFor, true);
      for (const o of got) committed.set(tpName(o), o.offset);
    }
    for (const s of pending) {
      if (s.position !== null) continue;
      const c = s.reset === 'committed' ? committed.get(tpName(s)) : undefined;
      if (c !== undefined) s.position = c;
      else
        this.reset(
          s,
          s.reset === 'committed' ? this.deps.autoOffsetReset : s.reset,
          'NO_OFFSET_FOR_PARTITION',
        );
      s.reset = 'committed';
    }
  }

  /** The fetch position fell out of the log (deleted records, truncation): apply `auto.offset.reset`. */
  outOfRange(s: PartitionState): void {
    this.reset(s, this.deps.autoOffsetReset, 'OFFSET_OUT_OF_RANGE');
  }

  /** Make the next poll resolve these partitions' positions to the log start or end. */
  seekLazily(partitions: readonly TopicPartition[], to: 'earliest' | 'latest'): void {
    for (const tp of partitions) {
      const s = this.deps.states.require(tp);
      s.position = null;
      s.buffer = null;
      s.reset = to;
    }
  }

  /** Current positions of these partitions (those known), as offsets to commit. */
  consumed(partitions: readonly TopicPartition[]): TopicPartitionOffset[] {
    const out: TopicPartitionOffset[] = [];
    for (const tp of partitions) {
      const position = this.deps.states.get(tp)?.position;
      if (position !== null && position !== undefined)
        out.push({ topic: tp.topic, partition: tp.partition, offset: position });
    }
    return out;
  }

  private reset(
    s: PartitionState,
    how: AutoOffsetReset,
    noneCode: 'NO_OFFSET_FOR_PARTITION' | 'OFFSET_OUT_OF_RANGE',
  ): void {
    if (how === 'none')
      throw new ClientError(noneCode, `No valid offset for ${tpName(s)} and auto.offset.reset is none`, {
        resource: tpName(s),
      });
    s.position =
      how === 'earliest'
        ? logStartOffset(this.deps.engine, s.topic, s.partition)
        : this.deps.fetcher.endOffset(s.topic, s.partition);
  }
}
