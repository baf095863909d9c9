/** What handlers see: the broker's shared state and the request's connection. */
import type { LogEngine, TransactionCoordinator } from '@rill/log';
import type { ApiKey, ApiRequests, ApiResponses, RequestHeader } from '@rill/protocol';
import type { DataWaiters } from './data-waiters.js';
import type { BrokerLogger } from './logger.js';
import type { SaslUsers } from './sasl-plain.js';
import type { BrokerOwnSettings } from './settings.js';
import type { GroupsPort } from './groups-port.js';

/** One API and the version range the broker advertises for it. */
export interface AdvertisedApi {
  readonly apiKey: number;
  readonly minVersion: number;
  readonly maxVersion: number;
}

/** Shared by every connection of one broker. */
export interface BrokerContext {
  readonly engine: LogEngine;
  /** The group coordinator, or null while groups are not served. */
  readonly groups: GroupsPort | null;
  /** The transaction coordinator, or null while transactions are not served. */
  readonly txns: TransactionCoordinator | null;
  readonly settings: BrokerOwnSettings;
  /** The settings as given (Kafka names), reported by DescribeConfigs as STATIC_BROKER_CONFIG. */
  readonly staticConfig: Readonly<Record<string, string | number | boolean>>;
  readonly clusterId: string;
  readonly nodeId: number;
  readonly logger: BrokerLogger;
  readonly waiters: DataWaiters;
  /** What ApiVersions advertises: computed once, as the served APIs never change while running. */
  readonly apis: readonly AdvertisedApi[];
  /** Users for SASL/PLAIN, or null when no listener authenticates. */
  readonly saslUsers: SaslUsers | null;
  /** Aborted when the broker starts closing: long polls answer at once. */
  readonly closing: AbortSignal;
}

/** The listener a connection arrived on, with the address advertised for it. */
export interface ListenerInfo {
  /** Kafka's listener name, e.g. PLAINTEXT or SASL_PLAINTEXT. */
  readonly name: string;
  readonly sasl: boolean;
  readonly advertisedHost: string;
  readonly advertisedPort: number;
}

/** Per-connection SASL progress. */
export interface SaslState {
  /** The mechanism chosen by SaslHandshake, or null before it. */
  mechanism: string | null;
  /** SaslHandshake v0 means raw (unframed) tokens follow. */
  handshakeVersion: number;
  authenticated: boolean;
  /** Authentication failed: the connection closes once the failure response is sent (as Kafka does). */
  failed: boolean;
  /** The authenticated user, for logs. */
  principal: string | null;
}

/** One request as a handler sees it. */
export interface RequestContext {
  readonly broker: BrokerContext;
  readonly header: RequestHeader;
  readonly apiVersion: number;
  readonly listener: ListenerInfo;
  readonly sasl: SaslState;
  readonly clientHost: string;
}

/**
 * A handler: `(ctx, request) => response`. Null means "send nothing" (Produce with acks=0).
 * Per-partition and per-resource failures are answered inside the response; a throw closes the
 * connection.
 */
export type Handler<K extends ApiKey> = (
  ctx: RequestContext,
  request: ApiRequests[K],
) => ApiResponses[K] | null | Promise<ApiResponses[K] | null>;
