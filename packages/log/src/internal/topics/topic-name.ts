/**
 * Kafka's topic name rules (org.apache.kafka.common.internals.Topic): ASCII alphanumerics,
 * '.', '_' and '-', at most 249 characters, not "." or "..". The limit of 249 leaves room for
 * the partition suffix in `<topic>-<partition>` directory names under a 255-byte file name limit.
 */
import { LogError } from '../../errors.js';

export const MAX_TOPIC_NAME_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

/**
 * Throw LogError INVALID_TOPIC_EXCEPTION unless `name` is a legal Kafka topic name.
 * Messages follow Kafka's InvalidTopicException texts.
 */
export function validateTopicName(name: string): void {
  if (typeof name !== 'string' || name.length === 0) {
    throw new LogError('INVALID_TOPIC_EXCEPTION', "Topic name is illegal, it can't be empty");
  }
  if (name === '.' || name === '..') {
    throw new LogError('INVALID_TOPIC_EXCEPTION', 'Topic name cannot be "." or ".."');
  }
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    throw new LogError(
      'INVALID_TOPIC_EXCEPTION',
      `Topic name is illegal, it can't be longer than ${MAX_TOPIC_NAME_LENGTH} characters, topic name: ${name}`,
    );
  }
  if (!LEGAL.test(name)) {
    throw new LogError(
      'INVALID_TOPIC_EXCEPTION',
      `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`,
    );
  }
}

/**
 * Whether the name contains '.' or '_', which collide in metric names. Kafka's tools warn about
 * such names when creating a topic; callers with a user-facing channel should do the same.
 */
export function hasCollisionChars(name: string): boolean {
  return name.includes('.') || name.includes('_');
}

/** Kafka's unifyCollisionChars: the form under which '.' and '_' are indistinguishable. */
export function unifyCollisionChars(name: string): string {
  return name.replaceAll('.', '_');
}

/** Two different names that map to the same metric name (e.g. "a.b" and "a_b"). */
export function topicsCollide(a: string, b: string): boolean {
  return a !== b && unifyCollisionChars(a) === unifyCollisionChars(b);
}
