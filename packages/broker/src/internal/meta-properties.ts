/**
 * The broker's identity in its data directory, as Kafka keeps it in `meta.properties`: a
 * cluster id (a base64url UUID, 22 characters) and a node id, stable across restarts.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrokerError } from '../errors.js';

/** The identity stored in `<dataDir>/meta.properties`. */
export interface MetaProperties {
  readonly clusterId: string;
  readonly nodeId: number;
}

const FILE = 'meta.properties';

/** Kafka's cluster id format: the 16 bytes of a random UUID, base64url without padding. */
export function newClusterId(): string {
  return Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
}

/** Parses `key=value` lines; `#`/`!` comments and blank lines are skipped. */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(t);
    if (m === null) throw new BrokerError('INVALID_CONFIG', `Cannot parse properties line: ${line}`);
    out.set(m[1]!, m[2]!);
  }
  return out;
}

/**
 * Reads the identity, or creates it on first start. A configured node id must match the stored
 * one (Kafka refuses to start with an inconsistent broker id).
 * @throws BrokerError META_PROPERTIES when the file is unreadable, corrupt or inconsistent.
 */
export async function loadOrCreateMetaProperties(dataDir: string, nodeId?: number): Promise<MetaProperties> {
  const path = join(dataDir, FILE);
  let text: string | undefined;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new BrokerError('META_PROPERTIES', `Cannot read ${path}`, { cause: e });
    }
  }
  if (text !== undefined) {
    let props: Map<string, string>;
    try {
      props = parseProperties(text);
    } catch (e) {
      throw new BrokerError('META_PROPERTIES', `${path} is corrupt`, { cause: e });
    }
    const clusterId = props.get('cluster.id');
    const stored = Number(props.get('node.id') ?? props.get('broker.id'));
    if (clusterId === undefined || clusterId === '' || !Number.isSafeInteger(stored)) {
      throw new BrokerError('META_PROPERTIES', `${path} lacks cluster.id or node.id`);
    }
    if (nodeId !== undefined && nodeId !== stored) {
      throw new BrokerError(
        'META_PROPERTIES',
        `Configured node.id ${nodeId} does not match node.id ${stored} stored in ${path}`,
      );
    }
    return { clusterId, nodeId: stored };
  }
  const meta: MetaProperties = { clusterId: newClusterId(), nodeId: nodeId ?? 1 };
  const body = `#\n#${new Date().toUTCString()}\nversion=1\ncluster.id=${meta.clusterId}\nnode.id=${meta.nodeId}\n`;
  try {
    await writeFile(`${path}.tmp`, body, { flush: true });
    await rename(`${path}.tmp`, path);
  } catch (e) {
    throw new BrokerError('META_PROPERTIES', `Cannot write ${path}`, { cause: e });
  }
  return meta;
}
