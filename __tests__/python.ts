/**
 * Python's readers of what the package publishes (the catalogue, its schema, the JSON answers and
 * their schema): Debian's python3-yaml (PyYAML, a YAML 1.1 reader) and python3-jsonschema, at
 * /usr/bin/python3 (the python3 on PATH may be another one, without them). `.ci/run` installs both;
 * under CI a missing one fails the tests that need it instead of skipping them.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Debian's Python, which has the two packages. */
export const PYTHON = '/usr/bin/python3';

const SCRIPT = path.join(__dirname, 'python', 'read_with_python.py');

/** Whether /usr/bin/python3 can import jsonschema and yaml. */
export const havePython: boolean = spawnSync(PYTHON, ['-c', 'import jsonschema, yaml'], { stdio: 'ignore' }).status === 0;
if (!havePython && process.env['CI']) throw new Error(`${PYTHON} with jsonschema and yaml is missing: .ci/run installs python3-jsonschema and python3-yaml`);

/** `describe` when Python and its two packages are there, else `describe.skip` (never under CI: see above). */
export const describeWithPython = havePython ? describe : describe.skip;

/** One thing for Python to read: a YAML file, YAML text, or a JSON value. */
export type PythonInstance = { readonly yaml_file: string } | { readonly yaml: string } | { readonly json: unknown };

/** What Python made of each instance: the data as it read it, and jsonschema's errors against the schema (none without one). */
export interface PythonReading {
  /** jsonschema's complaint about the schema itself (check_schema), or null; absent without a schema. */
  readonly schema_error?: string | null;
  readonly results: readonly {
    /** The name of the exception PyYAML raised, when it could not read the instance. */
    readonly load_error?: string;
    readonly data: unknown;
    readonly errors: readonly { readonly path: string; readonly message: string }[];
  }[];
}

/** Reads instances with PyYAML and checks them with jsonschema against a schema file (see python/read_with_python.py). */
export function readWithPython(instances: readonly PythonInstance[], schema?: string): PythonReading {
  const request = schema === undefined ? { instances } : { schema, instances };
  const r = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as PythonReading;
}
