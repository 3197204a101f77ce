import fs from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** The longest wait between two tries of a descriptor that has nothing yet: short enough for a coprocess, long enough not to spin. */
const MAX_WAIT_MS = 16;

/**
 * Reads the next bytes of a file descriptor into `into` synchronously and
 * returns how many, 0 at its end. A non-blocking descriptor (a terminal or a
 * pipe another program set so) that has nothing yet is waited on, with waits
 * growing from 1 to 16 ms, rather than reported as an error or polled flat out.
 */
export function readChunk(fd: number, into: Uint8Array): number {
  let wait = 1;
  for (;;) {
    try {
      return fs.readSync(fd, into, 0, into.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') return 0;
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, wait);
      wait = Math.min(wait * 2, MAX_WAIT_MS);
    }
  }
}
