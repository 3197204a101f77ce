import fs from 'node:fs';

/** Thrown when the reader of a file descriptor went away (`| head`). */
export class ClosedOutputError extends Error {}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes everything to a file descriptor synchronously, retrying while a
 * non-blocking pipe is full, so that output is never cut short and nothing is
 * left queued when the process ends. Not touching process.stdout keeps Node
 * from loading its stream machinery, a good share of a query's start-up.
 */
export function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 2);
        continue;
      }
      if (code === 'EPIPE') throw new ClosedOutputError('the reader closed the output');
      throw error;
    }
  }
}
