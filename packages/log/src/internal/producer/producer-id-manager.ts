/**
 * Producer id allocation for the engine (Kafka's ProducerIdManager): ids are handed out from
 * blocks of 1000, and a block's end is written durably (`<dataDir>/producer-ids`) before any id
 * in it is used, so an id is never reused after a restart, a crash included (a crash skips the
 * rest of the block, as in Kafka).
 *
 *   rill-producer-ids 1
 *   block-end <n>
 */
import { join } from 'node:path';
import { LogError, storageError } from '../../errors.js';
import type { FileIO } from '../io/file-io.js';

export const PRODUCER_IDS_FILE = 'producer-ids';
const HEADER = 'rill-producer-ids 1';
export const PRODUCER_ID_BLOCK_SIZE = 1000;

export class ProducerIdManager {
  private next = -1;
  private blockEnd = -1;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly io: FileIO,
    private readonly dataDir: string,
  ) {}

  /**
   * The next unused producer id.
   * @throws LogError KAFKA_STORAGE_ERROR if the block cannot be persisted.
   */
  allocate(): Promise<number> {
    const run = this.chain.then(() => this.take());
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async take(): Promise<number> {
    const path = join(this.dataDir, PRODUCER_IDS_FILE);
    if (this.next < 0) this.next = this.blockEnd = await readBlockEnd(this.io, path);
    if (this.next >= this.blockEnd) {
      const end = this.next + PRODUCER_ID_BLOCK_SIZE;
      try {
        await this.io.writeFileAtomic(path, Buffer.from(`${HEADER}\nblock-end ${end}\n`));
      } catch (e) {
        throw storageError('persisting the producer id block', e);
      }
      this.blockEnd = end;
    }
    return this.next++;
  }
}

async function readBlockEnd(io: FileIO, path: string): Promise<number> {
  let text: string;
  try {
    text = (await io.readFile(path)).toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw storageError(`reading ${path}`, e);
  }
  const m = /^rill-producer-ids 1\nblock-end (\d+)\n$/.exec(text);
  const n = m === null ? NaN : Number(m[1]);
  // Guessing could hand out an id twice; refusing to start is the safe answer.
  if (!Number.isSafeInteger(n)) throw new LogError('KAFKA_STORAGE_ERROR', `${path} is unreadable`);
  return n;
}
