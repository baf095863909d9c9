/** Starting and stopping a broker: engine, identity, coordinator, listeners. */
import { LogEngine, isLogError, type GroupCoordinator, type TransactionCoordinator } from '@rill/log';
import { BrokerError } from '../errors.js';
import type { BrokerContext } from './context.js';
import { DataWaiters } from './data-waiters.js';
import { advertisedApis } from './dispatch.js';
import { openListener, type OpenListener } from './listener.js';
import { stderrLogger, type BrokerLogger } from './logger.js';
import { loadOrCreateMetaProperties } from './meta-properties.js';
import { loadSaslUsersFile, type SaslUsers } from './sasl-plain.js';
import { resolveSettings, type BrokerSettingsInput } from './settings.js';
import { openGroups } from './groups.js';
import { openTxns } from './txns.js';

/** SASL/PLAIN listener settings. */
export interface SaslListenerOptions {
  /** Port of the SASL_PLAINTEXT listener; 0 picks a free one. */
  readonly port: number;
  /** Default: the broker's host. */
  readonly host?: string;
  /**
   * User name to password. Users may also come from `usersFile` and from Kafka's JAAS setting
   * (`listener.name.sasl_plaintext.plain.sasl.jaas.config` with `user_<name>="<password>"`).
   */
  readonly users?: Readonly<Record<string, string>>;
  /** A file of `user=password` lines (merged with `users`). */
  readonly usersFile?: string;
}

/** Options of {@link startBroker}. */
export interface BrokerOptions {
  /** The log's data directory (also holds `meta.properties`). */
  readonly dataDir: string;
  /** Host of the PLAINTEXT listener; default 127.0.0.1. */
  readonly host?: string;
  /** Port of the PLAINTEXT listener; default 9092; 0 picks a free one. */
  readonly port?: number;
  /** Kafka broker settings by their Kafka names (`num.partitions`, `log.retention.ms`, ...). */
  readonly config?: BrokerSettingsInput;
  /** Adds a SASL_PLAINTEXT listener with PLAIN; the PLAINTEXT listener stays available. */
  readonly sasl?: SaslListenerOptions;
  /** Where events go; default stderr. */
  readonly logger?: BrokerLogger;
  /** How long shutdown waits for in-flight requests per connection; default 10 s. */
  readonly shutdownGraceMs?: number;
}

/** One bound listener. */
export interface BrokerListener {
  /** PLAINTEXT or SASL_PLAINTEXT. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

/** A running broker. */
export interface RunningBroker {
  /** Host of the PLAINTEXT listener. */
  readonly address: string;
  /** Port of the PLAINTEXT listener (the bound one when 0 was asked). */
  readonly port: number;
  readonly listeners: readonly BrokerListener[];
  readonly clusterId: string;
  readonly nodeId: number;
  /** Accepted settings that have no effect on a single node. */
  readonly warnings: readonly string[];
  /** Stop accepting, answer in-flight requests, close connections, flush and close the log. Idempotent. */
  close(): Promise<void>;
}

async function loadUsers(sasl: SaslListenerOptions, jaas: ReadonlyMap<string, string>): Promise<SaslUsers> {
  const users = new Map<string, string>(jaas);
  for (const [u, p] of Object.entries(sasl.users ?? {})) users.set(u, p);
  if (sasl.usersFile !== undefined)
    for (const [u, p] of await loadSaslUsersFile(sasl.usersFile)) users.set(u, p);
  if (users.size === 0) throw new BrokerError('INVALID_CONFIG', 'A SASL listener needs at least one user');
  return users;
}

export async function start(options: BrokerOptions): Promise<RunningBroker> {
  const logger = options.logger ?? stderrLogger;
  const settings = resolveSettings(options.config);
  for (const w of settings.warnings) logger.warn(w);
  const saslUsers =
    options.sasl === undefined ? null : await loadUsers(options.sasl, settings.broker.jaasUsers);
  if (options.sasl === undefined && settings.broker.jaasUsers.size > 0) {
    logger.warn('SASL users are configured but no SASL listener is open (give a SASL port)');
  }
  let engine: LogEngine;
  try {
    engine = await LogEngine.open({ dataDir: options.dataDir, brokerConfig: settings.engine });
  } catch (e) {
    if (isLogError(e, 'INVALID_CONFIG')) throw new BrokerError('INVALID_CONFIG', e.message, { cause: e });
    throw e;
  }
  const closing = new AbortController();
  const listeners: OpenListener[] = [];
  let groups: GroupCoordinator | null = null;
  let txns: TransactionCoordinator | null = null;
  try {
    const meta = await loadOrCreateMetaProperties(options.dataDir, settings.broker.nodeId);
    groups = await openGroups(engine, settings.group, logger);
    txns = await openTxns(engine, groups, settings.txn, logger);
    const ctx: BrokerContext = {
      engine,
      groups,
      txns,
      settings: settings.broker,
      staticConfig: options.config ?? {},
      clusterId: meta.clusterId,
      nodeId: meta.nodeId,
      logger,
      waiters: new DataWaiters(),
      apis: advertisedApis(groups !== null, txns !== null),
      saslUsers,
      closing: closing.signal,
    };
    const host = options.host ?? '127.0.0.1';
    listeners.push(
      await openListener({ name: 'PLAINTEXT', host, port: options.port ?? 9092, sasl: false }, () => ctx),
    );
    if (options.sasl !== undefined) {
      const spec = {
        name: 'SASL_PLAINTEXT',
        host: options.sasl.host ?? host,
        port: options.sasl.port,
        sasl: true,
      };
      listeners.push(await openListener(spec, () => ctx));
    }
    const graceMs = options.shutdownGraceMs ?? 10_000;
    let closed: Promise<void> | undefined;
    const plain = listeners[0]!;
    return {
      address: plain.host,
      port: plain.port,
      listeners: listeners.map((l) => ({ name: l.name, host: l.host, port: l.port })),
      clusterId: meta.clusterId,
      nodeId: meta.nodeId,
      warnings: settings.warnings,
      close: () => (closed ??= shutdown(listeners, groups, txns, engine, closing, graceMs, logger)),
    };
  } catch (e) {
    await shutdown(listeners, groups, txns, engine, closing, 0, logger);
    throw e;
  }
}

async function shutdown(
  listeners: readonly OpenListener[],
  groups: GroupCoordinator | null,
  txns: TransactionCoordinator | null,
  engine: LogEngine,
  closing: AbortController,
  graceMs: number,
  logger: BrokerLogger,
): Promise<void> {
  // Long polls answer at once; in-flight requests finish and their responses are sent.
  closing.abort();
  await Promise.all(listeners.map((l) => l.close(graceMs)));
  try {
    await txns?.close();
    await groups?.close();
  } finally {
    await engine.close();
  }
  logger.info('broker stopped');
}
