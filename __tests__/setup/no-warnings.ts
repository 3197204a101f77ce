/**
 * Every test file fails on a process warning ("Keys with collection values will be stringified", a deprecation):
 * a warning is a defect at its cause, in the code or in a test, never noise to scroll past in the run's output.
 * Jest gives each test file its own `process` object, so the warnings are caught where they are emitted.
 */
const warnings: string[] = [];
const emitWarning = process.emitWarning.bind(process);

beforeAll(() => {
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    warnings.push(typeof warning === 'string' ? warning : `${warning.name}: ${warning.message}`);
    (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
});

afterAll(() => {
  process.emitWarning = emitWarning;
  expect({ warnings }).toEqual({ warnings: [] });
});
