/**
 * The entry point of a client implementation: makes producers, consumers and admins that share
 * one connection to the log (the embedded engine, or a Kafka cluster).
 */
import type { AdminConfig } from './admin-config.js';
import type { Admin } from './admin.js';
import type { ConsumerConfig } from './consumer-config.js';
import type { Consumer } from './consumer.js';
import type { ProducerConfig } from './producer-config.js';
import type { Producer } from './producer.js';

/**
 * A client implementation (embedded, or kafkajs-backed). Creating a producer, consumer or admin
 * validates its config at once and connects lazily, as Kafka's constructors do.
 *
 * @example
 * ```ts
 * const producer = client.producer({ 'client.id': 'ingest' });
 * await producer.send({ topic: 'orders', key: 'user-1', value: '{"total":42}' });
 * await client.close(); // closes the producer too
 * ```
 */
export interface Client {
  /** @throws ClientError INVALID_CONFIG, CLOSED. */
  producer(config?: ProducerConfig): Producer;
  /** @throws ClientError INVALID_CONFIG, CLOSED. */
  consumer(config?: ConsumerConfig): Consumer;
  /** @throws ClientError INVALID_CONFIG, CLOSED. */
  admin(config?: AdminConfig): Admin;
  /** Close every producer, consumer and admin made by this client that is still open. Idempotent. */
  close(): Promise<void>;
}
