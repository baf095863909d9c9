/**
 * Partition counts as the producer sees them (Kafka's producer metadata): cached for a short
 * while, refreshed on demand, and a missing topic auto-created when the engine allows it.
 */
import { isLogError, type Clock, type LogEngine } from '@rill/log';
import { toClientError } from '../errors.js';

/** How long a partition count is trusted before it is looked up again (Kafka: metadata.max.age.ms). */
const MAX_AGE_MS = 1000;

export class TopicMetadata {
  private readonly counts = new Map<string, { count: number; at: number }>();

  constructor(
    private readonly engine: LogEngine,
    private readonly clock: Clock,
  ) {}

  /** The cached count if fresh, else undefined. */
  cachedCount(topic: string): number | undefined {
    const c = this.counts.get(topic);
    if (c === undefined || this.clock.now() - c.at > MAX_AGE_MS) return undefined;
    return c.count;
  }

  /**
   * Look the count up (`refresh`: even if cached). A missing topic is created as a produce
   * request would create it (`auto.create.topics.enable`).
   * @throws ClientError UNKNOWN_TOPIC_OR_PARTITION, INVALID_TOPIC_EXCEPTION.
   */
  async partitionCount(topic: string, refresh: boolean): Promise<number> {
    if (!refresh) {
      const cached = this.cachedCount(topic);
      if (cached !== undefined) return cached;
    }
    try {
      return this.remember(topic, this.engine.describeTopic(topic).partitions);
    } catch (e) {
      if (!isLogError(e) || e.code !== 'UNKNOWN_TOPIC_OR_PARTITION') throw toClientError(e, topic);
    }
    try {
      // An empty append creates the topic exactly when a produce request would, and fails otherwise.
      await this.engine.append(topic, []);
      return this.remember(topic, this.engine.describeTopic(topic).partitions);
    } catch (e) {
      throw toClientError(e, topic);
    }
  }

  private remember(topic: string, count: number): number {
    this.counts.set(topic, { count, at: this.clock.now() });
    return count;
  }
}
