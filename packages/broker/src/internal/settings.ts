/**
 * Splits Kafka broker settings (by their Kafka names) between the broker itself, the group
 * coordinator and the log engine; settings that only matter to a replicated cluster are
 * accepted with a warning.
 */
import { BrokerError } from '../errors.js';

/** Settings input: Kafka broker names to string, number or boolean values. */
export type BrokerSettingsInput = Readonly<Record<string, string | number | boolean>>;

/** A listener address from `advertised.listeners`. */
export interface AdvertisedListener {
  readonly host: string;
  /** 0 means "the port actually bound". */
  readonly port: number;
}

/** What the broker itself uses. */
export interface BrokerOwnSettings {
  readonly socketRequestMaxBytes: number;
  /** Kafka's `fetch.max.bytes`: the most a Fetch response carries, whatever the request asks. */
  readonly fetchMaxBytes: number;
  readonly connectionsMaxIdleMs: number;
  /** Listener name (upper case, e.g. PLAINTEXT, SASL_PLAINTEXT) to advertised address. */
  readonly advertisedListeners: ReadonlyMap<string, AdvertisedListener>;
  /** `node.id` / `broker.id` when set; otherwise meta.properties decides. */
  readonly nodeId: number | undefined;
  readonly defaultReplicationFactor: number;
  readonly transactionMaxTimeoutMs: number;
  readonly autoCreateTopicsEnable: boolean;
  readonly numPartitions: number;
  /** SASL/PLAIN users from a JAAS setting (`user_<name>="<password>"`), as Kafka configures them. */
  readonly jaasUsers: ReadonlyMap<string, string>;
}

/** Settings split by who consumes them. */
export interface ResolvedSettings {
  readonly broker: BrokerOwnSettings;
  /** For `GroupCoordinator.open({ config })`. */
  readonly group: Readonly<Record<string, number>>;
  /** For `TransactionCoordinator.open({ config })`. */
  readonly txn: Readonly<Record<string, number>>;
  /** For `LogEngine.open({ brokerConfig })` (validated there). */
  readonly engine: Readonly<Record<string, string | number | boolean>>;
  /** One line per setting that was accepted but has no effect on a single node. */
  readonly warnings: readonly string[];
}

/** Kafka's group coordinator settings, forwarded to the coordinator. */
const GROUP_KEYS = new Set([
  'group.min.session.timeout.ms',
  'group.max.session.timeout.ms',
  'group.initial.rebalance.delay.ms',
  'group.max.size',
  'offsets.topic.num.partitions',
  'offsets.topic.segment.bytes',
  'offsets.retention.minutes',
  'offsets.retention.check.interval.ms',
  'offset.metadata.max.bytes',
]);

/** Kafka's transaction coordinator settings, forwarded to the coordinator. */
const TXN_KEYS = new Set([
  'transaction.state.log.num.partitions',
  'transaction.state.log.segment.bytes',
  'transaction.max.timeout.ms',
  'transaction.abort.timed.out.transaction.cleanup.interval.ms',
  'transactional.id.expiration.ms',
  'transaction.remove.expired.transaction.cleanup.interval.ms',
]);

/** Settings that tune replication, a controller quorum or thread pools: no meaning here. */
const IGNORED_KEYS = new Set([
  'offsets.topic.replication.factor',
  'offsets.commit.required.acks',
  'transaction.state.log.replication.factor',
  'transaction.state.log.min.isr',
  'num.replica.fetchers',
  'replica.lag.time.max.ms',
  'replica.fetch.max.bytes',
  'replica.fetch.wait.max.ms',
  'replica.socket.timeout.ms',
  'replica.high.watermark.checkpoint.interval.ms',
  'broker.rack',
  'controller.quorum.voters',
  'controller.quorum.bootstrap.servers',
  'controller.listener.names',
  'process.roles',
  'inter.broker.listener.name',
  'inter.broker.protocol.version',
  'security.inter.broker.protocol',
  'zookeeper.connect',
  'zookeeper.connection.timeout.ms',
  'auto.leader.rebalance.enable',
  'leader.imbalance.check.interval.seconds',
  'num.network.threads',
  'num.io.threads',
  'socket.send.buffer.bytes',
  'socket.receive.buffer.bytes',
  'num.recovery.threads.per.data.dir',
  'log.dirs',
  'log.dir',
  'listeners',
  'listener.security.protocol.map',
  'delete.topic.enable',
  'group.coordinator.rebalance.protocols',
]);

/** Kafka's JAAS settings for PLAIN, e.g. `listener.name.sasl_plaintext.plain.sasl.jaas.config`. */
const JAAS_KEY = /^(listener\.name\.[a-z0-9_]+\.)?(plain\.)?sasl\.jaas\.config$/;

/** SASL settings accepted as long as they name PLAIN. */
const SASL_MECHANISM_KEYS = new Set(['sasl.enabled.mechanisms', 'sasl.mechanism.inter.broker.protocol']);

/** Users of a PlainLoginModule JAAS line: `user_alice="secret"`. */
export function parseJaasUsers(key: string, value: string): Map<string, string> {
  if (!/PlainLoginModule/.test(value)) {
    throw new BrokerError(
      'INVALID_CONFIG',
      `${key}: only org.apache.kafka.common.security.plain.PlainLoginModule is supported`,
    );
  }
  const users = new Map<string, string>();
  for (const m of value.matchAll(/\buser_([^=\s]+)\s*=\s*"([^"]*)"/g)) users.set(m[1]!, m[2]!);
  return users;
}

const DEFAULTS = {
  socketRequestMaxBytes: 104_857_600,
  fetchMaxBytes: 57_671_680,
  connectionsMaxIdleMs: 600_000,
  transactionMaxTimeoutMs: 900_000,
};

function intValue(key: string, raw: string | number | boolean, min: number): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new BrokerError('INVALID_CONFIG', `${key} must be an integer >= ${min}, got ${String(raw)}`);
  }
  return n;
}

function boolValue(key: string, raw: string | number | boolean): boolean {
  if (typeof raw === 'boolean') return raw;
  const s = String(raw).trim().toLowerCase();
  if (s === 'true') return true;
  if (s === 'false') return false;
  throw new BrokerError('INVALID_CONFIG', `${key} must be true or false, got ${String(raw)}`);
}

/**
 * Parses Kafka's `advertised.listeners` (`NAME://host:port,...`). An empty host is not allowed
 * (a client must be able to connect to it); port 0 stands for the bound port.
 */
export function parseAdvertisedListeners(value: string): Map<string, AdvertisedListener> {
  const out = new Map<string, AdvertisedListener>();
  for (const part of value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const m = /^([A-Za-z0-9_]+):\/\/(\[[^\]]+\]|[^:]*):(\d+)$/.exec(part);
    if (m === null || m[2] === '') {
      throw new BrokerError('INVALID_CONFIG', `advertised.listeners entry "${part}" is not NAME://host:port`);
    }
    const port = Number(m[3]);
    if (port > 65535)
      throw new BrokerError('INVALID_CONFIG', `advertised.listeners port ${port} is out of range`);
    const host = m[2]!.startsWith('[') ? m[2]!.slice(1, -1) : m[2]!;
    out.set(m[1]!.toUpperCase(), { host, port });
  }
  return out;
}

/**
 * Resolves settings given by their Kafka names.
 * @throws BrokerError INVALID_CONFIG for an invalid value of a broker or group setting (unknown
 *   names are refused by the log engine, which owns every remaining name).
 */
export function resolveSettings(input: BrokerSettingsInput = {}): ResolvedSettings {
  let socketRequestMaxBytes = DEFAULTS.socketRequestMaxBytes;
  let fetchMaxBytes = DEFAULTS.fetchMaxBytes;
  let connectionsMaxIdleMs = DEFAULTS.connectionsMaxIdleMs;
  let transactionMaxTimeoutMs = DEFAULTS.transactionMaxTimeoutMs;
  let advertisedListeners = new Map<string, AdvertisedListener>();
  let nodeId: number | undefined;
  let defaultReplicationFactor = 1;
  let autoCreateTopicsEnable = true;
  let numPartitions = 1;
  const jaasUsers = new Map<string, string>();
  const group: Record<string, number> = {};
  const txn: Record<string, number> = {};
  const engine: Record<string, string | number | boolean> = {};
  const warnings: string[] = [];

  for (const [key, raw] of Object.entries(input)) {
    switch (key) {
      case 'socket.request.max.bytes':
        socketRequestMaxBytes = intValue(key, raw, 1);
        continue;
      case 'fetch.max.bytes':
        fetchMaxBytes = intValue(key, raw, 1024);
        continue;
      case 'connections.max.idle.ms':
        connectionsMaxIdleMs = intValue(key, raw, 1);
        continue;
      case 'transaction.max.timeout.ms':
        transactionMaxTimeoutMs = intValue(key, raw, 1);
        txn[key] = transactionMaxTimeoutMs;
        continue;
      case 'advertised.listeners':
        advertisedListeners = parseAdvertisedListeners(String(raw));
        continue;
      case 'node.id':
      case 'broker.id':
        nodeId = intValue(key, raw, 0);
        continue;
      case 'default.replication.factor':
        defaultReplicationFactor = intValue(key, raw, 1);
        if (defaultReplicationFactor > 1) {
          warnings.push(
            `${key}=${String(raw)}: a single broker keeps one replica; topics get replication factor 1`,
          );
        }
        continue;
      case 'auto.create.topics.enable':
        autoCreateTopicsEnable = boolValue(key, raw);
        engine[key] = autoCreateTopicsEnable;
        continue;
      case 'num.partitions':
        numPartitions = intValue(key, raw, 1);
        engine[key] = numPartitions;
        continue;
      default:
        break;
    }
    if (JAAS_KEY.test(key)) {
      for (const [u, p] of parseJaasUsers(key, String(raw))) jaasUsers.set(u, p);
    } else if (SASL_MECHANISM_KEYS.has(key)) {
      const mechanisms = String(raw)
        .split(',')
        .map((m) => m.trim())
        .filter((m) => m !== '');
      if (mechanisms.some((m) => m !== 'PLAIN')) {
        throw new BrokerError('INVALID_CONFIG', `${key}=${String(raw)}: only PLAIN is supported`);
      }
    } else if (GROUP_KEYS.has(key)) {
      group[key] = intValue(key, raw, 0);
    } else if (TXN_KEYS.has(key)) {
      txn[key] = intValue(key, raw, 1);
    } else if (IGNORED_KEYS.has(key)) {
      warnings.push(`${key}: only meaningful for a replicated cluster or the JVM broker; ignored`);
    } else {
      engine[key] = raw;
    }
  }
  return {
    broker: {
      socketRequestMaxBytes,
      fetchMaxBytes,
      connectionsMaxIdleMs,
      advertisedListeners,
      nodeId,
      defaultReplicationFactor,
      transactionMaxTimeoutMs,
      autoCreateTopicsEnable,
      numPartitions,
      jaasUsers,
    },
    group,
    txn,
    engine,
    warnings,
  };
}
