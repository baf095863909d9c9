/**
 * @rill/broker — serves Rill's embedded log over the Kafka wire protocol, so that Kafka
 * clients (kafkajs, librdkafka/kcat, confluent-kafka, kafka-python, the Java client) work
 * against it unmodified. This file is the package's only public surface.
 */
import { start, type BrokerOptions, type RunningBroker } from './internal/broker.js';

export { BROKER_ERROR_CODES, BrokerError } from './errors.js';
export type { BrokerErrorCode, BrokerErrorOptions } from './errors.js';
export type { BrokerListener, BrokerOptions, RunningBroker, SaslListenerOptions } from './internal/broker.js';
export type { BrokerLogger } from './internal/logger.js';
export { silentLogger, stderrLogger } from './internal/logger.js';
export type { BrokerSettingsInput } from './internal/settings.js';
export { parseProperties } from './internal/meta-properties.js';

/**
 * Opens the log in `options.dataDir` and serves it over the Kafka protocol: a PLAINTEXT
 * listener on `host:port`, plus a SASL_PLAINTEXT one (PLAIN) when `options.sasl` is given.
 * The cluster id and node id are kept in `<dataDir>/meta.properties` and stay the same across
 * restarts.
 *
 * @param options - data directory, address, Kafka broker settings, SASL users, logger
 * @returns the bound address and port, and `close()` for a clean shutdown
 * @throws BrokerError INVALID_CONFIG for an unknown or invalid setting; META_PROPERTIES for an
 *   unreadable or inconsistent identity; LISTEN_FAILED when the port cannot be bound. LogError
 *   LOG_DIR_LOCKED when another engine has the data directory.
 *
 * @example
 * ```ts
 * import { startBroker } from '@rill/broker';
 * const broker = await startBroker({ dataDir: './data', port: 0, config: { 'num.partitions': 3 } });
 * console.log(`listening on ${broker.address}:${broker.port}`);
 * // ... point kafkajs at `${broker.address}:${broker.port}` ...
 * await broker.close();
 * ```
 */
export function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  return start(options);
}
