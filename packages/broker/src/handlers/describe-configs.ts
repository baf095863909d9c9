import type {
  DescribeConfigsRequest,
  DescribeConfigsResourceResult,
  DescribeConfigsResponse,
  DescribeConfigsResult,
} from '@rill/protocol';
import { ConfigSource, topicConfigEntries, type ConfigEntry } from '../internal/config-entries.js';
import type { RequestContext } from '../internal/context.js';
import { ERR } from '../internal/kafka-errors.js';
import { tryDescribe } from '../internal/topics.js';

/** Kafka's ConfigResource types. */
export const ResourceType = { TOPIC: 2, BROKER: 4 } as const;

/** Settings whose values are never reported (Kafka's PASSWORD type). */
const SENSITIVE = /password|jaas\.config/;

/** Kafka's ConfigType values, inferred from the value's JS type. */
function configType(value: unknown): number {
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number') return Number.isInteger(value) ? 5 : 6;
  if (Array.isArray(value)) return 7;
  return 2;
}

/** DescribeConfigs for topics (effective values, overrides as DYNAMIC_TOPIC_CONFIG) and this broker. */
export function describeConfigs(ctx: RequestContext, req: DescribeConfigsRequest): DescribeConfigsResponse {
  const results: DescribeConfigsResult[] = req.resources.map((r) => {
    const base = { resourceType: r.resourceType, resourceName: r.resourceName };
    let entries: (ConfigEntry & { raw: unknown })[];
    if (r.resourceType === ResourceType.TOPIC) {
      const d = tryDescribe(ctx.broker.engine, r.resourceName);
      if (d === undefined) {
        return {
          ...base,
          errorCode: ERR.UNKNOWN_TOPIC_OR_PARTITION,
          errorMessage: `Topic '${r.resourceName}' does not exist.`,
          configs: [],
        };
      }
      const raw = d.configs as unknown as Record<string, unknown>;
      entries = topicConfigEntries(d, new Set()).map((e) => ({ ...e, raw: raw[e.name] }));
    } else if (r.resourceType === ResourceType.BROKER) {
      if (r.resourceName !== '' && r.resourceName !== String(ctx.broker.nodeId)) {
        return {
          ...base,
          errorCode: ERR.INVALID_REQUEST,
          errorMessage: `Unknown broker ${r.resourceName}`,
          configs: [],
        };
      }
      entries = brokerEntries(ctx);
    } else {
      return {
        ...base,
        errorCode: ERR.INVALID_REQUEST,
        errorMessage: `Unsupported resource type ${r.resourceType}`,
        configs: [],
      };
    }
    const keys = r.configurationKeys === null ? null : new Set(r.configurationKeys);
    const configs: DescribeConfigsResourceResult[] = entries
      .filter((e) => keys === null || keys.has(e.name))
      .map((e) => {
        const sensitive = SENSITIVE.test(e.name);
        const out: DescribeConfigsResourceResult = {
          name: e.name,
          value: sensitive ? null : e.value,
          readOnly: r.resourceType === ResourceType.BROKER,
          isSensitive: sensitive,
        };
        if (ctx.apiVersion === 0) out.isDefault = e.isDefault;
        else {
          out.configSource = e.source;
          out.synonyms = req.includeSynonyms ? [{ name: e.name, value: out.value, source: e.source }] : [];
        }
        if (ctx.apiVersion >= 3) {
          out.configType = configType(e.raw);
          out.documentation = null;
        }
        return out;
      });
    return { ...base, errorCode: ERR.NONE, errorMessage: null, configs };
  });
  return { throttleTimeMs: 0, results };
}

function brokerEntries(ctx: RequestContext): (ConfigEntry & { raw: unknown })[] {
  const s = ctx.broker.settings;
  const given = ctx.broker.staticConfig;
  const effective: Record<string, unknown> = {
    'node.id': ctx.broker.nodeId,
    'num.partitions': s.numPartitions,
    'auto.create.topics.enable': s.autoCreateTopicsEnable,
    'default.replication.factor': 1,
    'socket.request.max.bytes': s.socketRequestMaxBytes,
    'fetch.max.bytes': s.fetchMaxBytes,
    'connections.max.idle.ms': s.connectionsMaxIdleMs,
    'transaction.max.timeout.ms': s.transactionMaxTimeoutMs,
    'advertised.listeners': [...s.advertisedListeners]
      .map(([n, a]) => `${n}://${a.host}:${a.port}`)
      .join(','),
  };
  for (const [k, v] of Object.entries(given)) if (!(k in effective)) effective[k] = v;
  return Object.keys(effective)
    .sort()
    .map((name) => {
      const isStatic = Object.prototype.hasOwnProperty.call(given, name);
      const raw = effective[name];
      return {
        name,
        value: raw === undefined ? null : String(raw),
        source: isStatic ? ConfigSource.STATIC_BROKER_CONFIG : ConfigSource.DEFAULT_CONFIG,
        isDefault: !isStatic,
        raw,
      };
    });
}
