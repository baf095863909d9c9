/** Whether a topic partition exists in the engine (offsets for unknown partitions are refused). */
import type { LogEngine } from '../../engine.js';
import { isLogError } from '../../errors.js';

/** @returns the topic's partition count, or 0 for an unknown topic. */
export function partitionCount(engine: LogEngine, topic: string): number {
  try {
    return engine.describeTopic(topic).partitions;
  } catch (e) {
    if (isLogError(e, 'UNKNOWN_TOPIC_OR_PARTITION')) return 0;
    throw e;
  }
}
