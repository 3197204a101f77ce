// Preloaded by the benchmark (node -r): reports the process's peak RSS, in KB, on file descriptor 3.
// VmHWM belongs to this process's own memory map; getrusage's maxrss would also count the
// benchmark process it was forked from (Linux carries the high-water mark across exec).
'use strict';
const fs = require('node:fs');
process.on('exit', () => {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
    fs.writeSync(3, hwm ? hwm[1] : String(process.resourceUsage().maxRSS));
  } catch {
    // not run by the benchmark: nothing to report to
  }
});
