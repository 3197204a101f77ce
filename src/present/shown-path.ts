import path from 'node:path';

/** A file's path as annotations show it: `/`-separated, relative when the file is under the base directory, absolute otherwise. */
export interface ShownPath {
  readonly path: string;
  readonly relative: boolean;
}

/**
 * Shows a file's path relative to `cwd` (an absolute directory; with a relative
 * one, node's path module would read the process's working directory, which a
 * presenter must not). A file outside `cwd` keeps its absolute path: `../x`
 * means nothing to GitHub or to a SARIF viewer.
 */
export function shownPath(file: string, cwd: string): ShownPath {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  const shown = outside ? absolute : relative === '' ? '.' : relative;
  return { path: shown.split(path.sep).join('/'), relative: !outside };
}
