import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// CPU time a process has used (user + system, all its threads), read from /proc/<pid>/stat. Divided by the
// requests served in a window it gives CPU per request: unlike requests per second it hardly moves when other
// processes compete for the cores, so it compares runs on a busy machine better.

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100; // the Linux default (USER_HZ)
    }
  }
  return ticksPerSecond;
}

/** Milliseconds of CPU used so far by `pid`, or null where /proc is not available (not Linux). */
export function processCpuMs(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name (0-based from field 3).
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / clockTicks();
}
