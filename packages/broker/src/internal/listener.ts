/** Opens one TCP listener and tracks its connections. */
import { createServer, type Server, type Socket } from 'node:net';
import { BrokerError } from '../errors.js';
import { Connection } from './connection.js';
import type { BrokerContext, ListenerInfo } from './context.js';

export interface ListenerSpec {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly sasl: boolean;
}

export interface OpenListener {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly info: ListenerInfo;
  /** Stops accepting, drains and closes every connection (see Connection.shutdown). */
  close(graceMs: number): Promise<void>;
}

function isWildcard(host: string): boolean {
  return host === '' || host === '0.0.0.0' || host === '::';
}

/** Binds `spec` and serves connections with `broker` (its context is read at connect time). */
export async function openListener(
  spec: ListenerSpec,
  getBroker: () => BrokerContext,
): Promise<OpenListener> {
  const connections = new Set<Connection>();
  const server: Server = createServer({ noDelay: true });
  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error): void =>
      reject(
        new BrokerError('LISTEN_FAILED', `Cannot listen on ${spec.host}:${spec.port} (${spec.name})`, {
          cause: e,
        }),
      );
    server.once('error', onError);
    server.listen(spec.port, spec.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const bound = server.address();
  const port = typeof bound === 'object' && bound !== null ? bound.port : spec.port;
  const broker = getBroker();
  const advertised = broker.settings.advertisedListeners.get(spec.name);
  const info: ListenerInfo = {
    name: spec.name,
    sasl: spec.sasl,
    advertisedHost: advertised?.host ?? (isWildcard(spec.host) ? 'localhost' : spec.host),
    advertisedPort: advertised !== undefined && advertised.port !== 0 ? advertised.port : port,
  };
  server.on('connection', (socket: Socket) => {
    const c = new Connection(socket, getBroker(), info, (closed) => connections.delete(closed));
    connections.add(c);
  });
  server.on('error', (e) => broker.logger.error(`listener ${spec.name} failed`, e));
  return {
    name: spec.name,
    host: spec.host,
    port,
    info,
    async close(graceMs: number): Promise<void> {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...connections].map((c) => c.shutdown(graceMs)));
      await stopped;
    },
  };
}
