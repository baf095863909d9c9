/**
 * The embedded consumer: a group member (through {@link ConsumerGroup}) or a standalone reader of
 * assigned partitions, fetching from the engine in-process. A facade over the partition states,
 * the fetcher, position resolution and the group.
 */
import {
  tpName,
  type OffsetAndMetadata,
  type TopicPartition,
  type TopicPartitionOffset,
} from '../api/common.js';
import {
  resolveConsumerConfig,
  type ConsumerConfig,
  type ResolvedConsumerConfig,
} from '../api/consumer-config.js';
import type {
  BatchIteratorOptions,
  Consumer,
  ConsumerGroupMetadata,
  ConsumerRecords,
  RebalanceListener,
} from '../api/consumer.js';
import { rebalanceProtocolFor } from '../assignors/registry.js';
import { ClientError } from '../errors.js';
import { fetchGroupOffsets } from './admin-groups.js';
import { ConsumerGroup } from './consumer-group.js';
import { closedError, type EmbeddedContext } from './context.js';
import { DataWaiter } from './data-waiter.js';
import { EMPTY_RECORDS, Fetcher } from './fetcher.js';
import { logStartOffset } from './offsets.js';
import { PartitionStates, type PartitionState } from './partition-states.js';
import { Positions } from './positions.js';

export class EmbeddedConsumer implements Consumer {
  private readonly config: ResolvedConsumerConfig;
  private readonly states = new PartitionStates();
  private readonly fetcher: Fetcher;
  private readonly positions: Positions;
  private readonly waiter: DataWaiter;
  private readonly group: ConsumerGroup | null;
  private sub: readonly string[] | RegExp | null = null;
  private closed = false;
  private closing: Promise<void> | undefined;
  private polling: Promise<unknown> | null = null;
  /** When the fetch held for fetch.min.bytes completes anyway (fetch.max.wait.ms); null if none is held. */
  private heldUntil: number | null = null;

  constructor(
    private readonly ctx: EmbeddedContext,
    config: ConsumerConfig | undefined,
    private readonly onClose: (c: EmbeddedConsumer) => void,
  ) {
    this.config = resolveConsumerConfig(config);
    const isolation = this.config['isolation.level'];
    this.waiter = new DataWaiter(ctx.engine, ctx.clock, isolation);
    this.fetcher = new Fetcher(
      ctx.engine,
      {
        maxRecords: this.config['max.poll.records'],
        maxPartitionBytes: this.config['max.partition.fetch.bytes'],
        isolation,
      },
      async (s) => this.positions.outOfRange(s),
    );
    const groupId = this.config['group.id'];
    this.positions = new Positions({
      engine: ctx.engine,
      fetcher: this.fetcher,
      states: this.states,
      groupId,
      autoOffsetReset: this.config['auto.offset.reset'],
      coordinator: ctx.coordinator,
    });
    this.group =
      groupId === null
        ? null
        : new ConsumerGroup({
            groupId,
            config: this.config,
            protocol: rebalanceProtocolFor(this.config['partition.assignment.strategy']),
            ctx,
            states: this.states,
            positions: this.positions,
            inPoll: () => this.polling !== null,
            wake: () => this.waiter.wake(),
          });
  }

  async subscribe(topics: readonly string[] | RegExp, listener: RebalanceListener = {}): Promise<void> {
    this.check();
    if (this.group === null) throw new ClientError('INVALID_ARGUMENT', 'subscribe needs group.id');
    if (this.sub === null && this.states.size > 0)
      throw new ClientError('INVALID_ARGUMENT', 'subscribe after assign: call assign([]) first');
    if (!(topics instanceof RegExp) && topics.length === 0)
      throw new ClientError('INVALID_ARGUMENT', 'subscribe needs at least one topic (or use unsubscribe)');
    this.sub = topics instanceof RegExp ? topics : [...topics];
    this.group.subscribe(this.sub, listener);
  }

  async unsubscribe(): Promise<void> {
    this.check();
    await this.group?.unsubscribe('the consumer unsubscribed');
    this.sub = null;
    this.states.clear();
  }

  assign(partitions: readonly TopicPartition[]): void {
    this.check();
    if (this.sub !== null)
      throw new ClientError('INVALID_ARGUMENT', 'assign while subscribed: unsubscribe first');
    this.states.set(partitions);
  }

  assignment(): TopicPartition[] {
    return this.states.list();
  }

  subscription(): readonly string[] | RegExp | null {
    return this.sub;
  }

  poll(timeoutMs: number): Promise<ConsumerRecords> {
    if (this.polling !== null)
      return Promise.reject(new ClientError('ILLEGAL_STATE', 'poll is already running on this consumer'));
    const p = this.doPoll(timeoutMs);
    this.polling = p;
    const clear = (): void => {
      this.polling = null;
    };
    p.then(clear, clear);
    return p;
  }

  async *batches(options: BatchIteratorOptions = {}): AsyncIterableIterator<ConsumerRecords> {
    const timeout = options.pollTimeoutMs ?? 1000;
    const abort = (): void => this.waiter.wake();
    options.signal?.addEventListener('abort', abort);
    try {
      while (!this.closed && options.signal?.aborted !== true) {
        const batch = await this.poll(timeout);
        if (batch.count > 0) yield batch;
      }
    } finally {
      options.signal?.removeEventListener('abort', abort);
    }
  }

  async commit(offsets?: readonly TopicPartitionOffset[]): Promise<void> {
    this.check();
    await this.requireGroup().commit(offsets ?? this.positions.consumed(this.states.list()));
  }

  async committed(partitions: readonly TopicPartition[]): Promise<(OffsetAndMetadata | null)[]> {
    this.check();
    const groupId = this.requireGroup().metadata().groupId;
    const got = await fetchGroupOffsets(await this.ctx.coordinator(), groupId, partitions, true);
    const byName = new Map(got.map((o) => [tpName(o), o]));
    return partitions.map((tp) => {
      const o = byName.get(tpName(tp));
      if (o === undefined) return null;
      return {
        offset: o.offset,
        metadata: o.metadata,
        ...(o.leaderEpoch === undefined ? {} : { leaderEpoch: o.leaderEpoch }),
      };
    });
  }

  async position(partition: TopicPartition): Promise<number> {
    this.check();
    const s = this.states.require(partition);
    if (s.position === null) await this.positions.resolve([s]);
    return s.position!;
  }

  seek(partition: TopicPartition, offset: number): void {
    this.check();
    if (!Number.isSafeInteger(offset) || offset < 0)
      throw new ClientError('INVALID_ARGUMENT', `Cannot seek to offset ${offset}`);
    const s = this.states.require(partition);
    s.position = offset;
    s.buffer = null;
  }

  seekToBeginning(partitions?: readonly TopicPartition[]): void {
    this.check();
    this.positions.seekLazily(partitions ?? this.states.list(), 'earliest');
  }

  seekToEnd(partitions?: readonly TopicPartition[]): void {
    this.check();
    this.positions.seekLazily(partitions ?? this.states.list(), 'latest');
  }

  async beginningOffsets(partitions: readonly TopicPartition[]): Promise<number[]> {
    this.check();
    return partitions.map((tp) => logStartOffset(this.ctx.engine, tp.topic, tp.partition));
  }

  async endOffsets(partitions: readonly TopicPartition[]): Promise<number[]> {
    this.check();
    return partitions.map((tp) => this.fetcher.endOffset(tp.topic, tp.partition));
  }

  currentLag(partition: TopicPartition): number | undefined {
    const s = this.states.get(partition);
    if (s === undefined || s.position === null || s.endOffset === undefined) return undefined;
    return Math.max(0, s.endOffset - s.position);
  }

  pause(partitions: readonly TopicPartition[]): void {
    for (const tp of partitions) {
      const s = this.states.require(tp);
      s.paused = true;
      // As in the Java client: a paused partition's buffered records are dropped, and fetched
      // again from its position after resume.
      s.buffer = null;
    }
  }

  resume(partitions: readonly TopicPartition[]): void {
    for (const tp of partitions) this.states.require(tp).paused = false;
  }

  paused(): TopicPartition[] {
    return this.states.list().filter((tp) => this.states.get(tp)!.paused);
  }

  groupMetadata(): ConsumerGroupMetadata {
    return this.requireGroup().metadata();
  }

  enforceRebalance(reason?: string): void {
    void reason;
    this.group?.enforceRebalance();
  }

  close(options?: { readonly timeoutMs?: number }): Promise<void> {
    void options;
    this.closing ??= this.doClose();
    return this.closing;
  }

  private async doClose(): Promise<void> {
    this.closed = true;
    this.waiter.wake();
    try {
      if (this.polling !== null)
        await this.polling.then(
          () => undefined,
          // The poll's caller got its error; closing goes on.
          () => undefined,
        );
      // Leaving revokes first, which commits the positions under enable.auto.commit.
      await this.group?.close();
    } finally {
      this.states.clear();
      this.onClose(this);
    }
  }

  private async doPoll(timeoutMs: number): Promise<ConsumerRecords> {
    this.check();
    const { clock } = this.ctx;
    const minBytes = this.config['fetch.min.bytes'];
    const deadline = clock.now() + Math.max(0, timeoutMs);
    for (;;) {
      this.group?.polled();
      if (this.closed) return EMPTY_RECORDS;
      await this.group?.step();
      if (this.closed) return EMPTY_RECORDS;
      await this.positions.resolve(this.states.states().filter((s) => s.position === null));
      const fetchable = this.fetchable();
      if (minBytes > 1) {
        const now = clock.now();
        const heldUntil = (this.heldUntil ??= now + this.config['fetch.max.wait.ms']);
        // Short of fetch.min.bytes nothing is consumed: positions (and so commits) stay put
        // while the fetch is held for more data, up to fetch.max.wait.ms, across polls.
        if (now < heldUntil && (await this.fetcher.available(fetchable, minBytes)) < minBytes) {
          const left = deadline - clock.now();
          if (left <= 0) return EMPTY_RECORDS;
          await this.waiter.wait(fetchable, Math.min(left, heldUntil - clock.now()), true);
          continue;
        }
        this.heldUntil = null;
      }
      const records = await this.fetcher.fetch(fetchable);
      const remaining = deadline - clock.now();
      if (records.count > 0 || remaining <= 0) return records;
      await this.waiter.wait(fetchable, remaining);
    }
  }

  private fetchable(): PartitionState[] {
    return this.states.states().filter((s) => !s.paused && s.position !== null);
  }

  private requireGroup(): ConsumerGroup {
    if (this.group === null) throw new ClientError('INVALID_ARGUMENT', 'This needs group.id');
    return this.group;
  }

  private check(): void {
    if (this.closed) throw closedError('consumer');
    this.ctx.checkOpen();
  }
}
