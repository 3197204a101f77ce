import type { Context } from './context';

/**
 * For tests only: RAMQ_ACCESS_TEST_HOLD_WRITE_MS makes a write of a catalogue
 * file wait that many milliseconds once its temporary file is complete, so that
 * a test can change the file or send a signal at that very moment.
 */
export function testHoldMs(ctx: Context): number {
  const value = ctx.io.env['RAMQ_ACCESS_TEST_HOLD_WRITE_MS'];
  return value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : 0;
}
