/**
 * The clean-shutdown marker (Kafka's `.kafka_cleanshutdown`): written after every partition
 * closed cleanly, removed durably on open before anything can append, so its presence at the
 * next open proves nothing was written since the last clean close.
 */
import { join } from 'node:path';
import { storageError } from '../../errors.js';
import type { FileIO } from '../io/file-io.js';

export const CLEAN_SHUTDOWN_FILE = '.rill_cleanshutdown';
const CONTENT = Buffer.from('{"version":1}\n');

export async function hasCleanShutdownMarker(io: FileIO, dataDir: string): Promise<boolean> {
  try {
    return await io.exists(join(dataDir, CLEAN_SHUTDOWN_FILE));
  } catch (e) {
    throw storageError(`checking ${CLEAN_SHUTDOWN_FILE} in ${dataDir}`, e);
  }
}

export async function writeCleanShutdownMarker(io: FileIO, dataDir: string): Promise<void> {
  try {
    await io.writeFileAtomic(join(dataDir, CLEAN_SHUTDOWN_FILE), CONTENT);
  } catch (e) {
    throw storageError(`writing ${CLEAN_SHUTDOWN_FILE} in ${dataDir}`, e);
  }
}

export async function removeCleanShutdownMarker(io: FileIO, dataDir: string): Promise<void> {
  try {
    await io.unlink(join(dataDir, CLEAN_SHUTDOWN_FILE));
    await io.syncDir(dataDir);
  } catch (e) {
    throw storageError(`removing ${CLEAN_SHUTDOWN_FILE} in ${dataDir}`, e);
  }
}
