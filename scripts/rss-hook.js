// Preloaded by the benchmark (node -r): reports the process's peak RSS, in KB, on file descriptor 3.
'use strict';
process.on('exit', () => {
  try {
    require('node:fs').writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // not run by the benchmark: nothing to report to
  }
});
