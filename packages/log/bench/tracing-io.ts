/**
 * A FileIO wrapper that records the write sizes and fsyncs the log issues on `.log` files,
 * so the raw baseline can replay exactly the same cadence. Bench-only; not a test double:
 * every call still goes to the real I/O layer.
 */
import type { FileHandle, FileIO, OpenMode } from '@rill/log';
import type { IoTrace } from './raw-baseline.js';

export function tracingIO(inner: FileIO, trace: IoTrace): FileIO {
  const io: FileIO = Object.create(inner);
  io.open = async (path: string, mode: OpenMode): Promise<FileHandle> => {
    const h = await inner.open(path, mode);
    if (!path.endsWith('.log')) return h;
    const traced: FileHandle = Object.create(h);
    traced.write = (d, p) => {
      trace.push(d.length);
      return h.write(d, p);
    };
    traced.writev = (d, p) => {
      trace.push(d.reduce((n, b) => n + b.length, 0));
      return h.writev(d, p);
    };
    traced.sync = () => {
      trace.push('sync');
      return h.sync();
    };
    return traced;
  };
  return io;
}
