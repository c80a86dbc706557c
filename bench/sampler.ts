import { spawn } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";

/** What {@link measure} saw of one command; the /proc figures are null off Linux. */
export interface Measured {
  readonly wallMs: number;
  readonly peakRssBytes: number | null;
  /** CPU seconds of the process tree in user space and in the kernel. */
  readonly cpuUser: number | null;
  readonly cpuSystem: number | null;
}

/** The pids of a process and all its descendants (Linux /proc; empty elsewhere). */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${tree[i]}/task`)) {
        const children = readFileSync(`/proc/${tree[i]}/task/${task}/children`, "utf8");
        tree.push(...children.split(" ").filter(Boolean).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return tree;
}

const TICKS_PER_SECOND = 100;

/** User and kernel CPU seconds a process has used, or undefined once it is gone. */
function cpuOf(pid: number): { user: number; system: number } | undefined {
  try {
    // Fields after the parenthesized name: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return { user: Number(fields[11]) / TICKS_PER_SECOND, system: Number(fields[12]) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** VmRSS and VmHWM (peak) of a process in bytes, or undefined once it is gone. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kB = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "mu").exec(status)?.[1] ?? 0);
    return { rss: kB("VmRSS") * 1024, hwm: kB("VmHWM") * 1024 };
  } catch {
    return undefined;
  }
}

/** The share of the last 10 s in which some task waited on I/O, or null without Linux PSI. */
export function ioPressure(): number | null {
  try {
    return Number(/^some avg10=([\d.]+)/u.exec(readFileSync("/proc/pressure/io", "utf8"))?.[1]) / 100;
  } catch {
    return null;
  }
}

/**
 * Runs a command to completion and measures its wall time, the CPU time of its
 * process tree, and the tree's peak memory: the largest sum of resident memory
 * over all its processes, sampled every 10 ms, or the largest single process's
 * own peak (VmHWM, kept by the kernel) if that is higher.
 */
export async function measure(
  command: string,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  log: string,
): Promise<Measured> {
  const out = openSync(log, "w");
  const start = performance.now();
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ["ignore", out, out] });
  const hasProc = memoryOf(process.pid) !== undefined;
  let peak = 0;
  // The last CPU times seen per process: a process's own count only grows.
  const cpu = new Map<number, { user: number; system: number }>();
  const sample = () => {
    let sum = 0;
    for (const pid of processTree(child.pid!)) {
      const memory = memoryOf(pid);
      const times = cpuOf(pid);
      if (times) cpu.set(pid, times);
      if (!memory) continue;
      sum += memory.rss;
      peak = Math.max(peak, memory.hwm);
    }
    peak = Math.max(peak, sum);
  };
  const timer = setInterval(sample, 10);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const wallMs = performance.now() - start;
  clearInterval(timer);
  closeSync(out);
  if (code !== 0) {
    const tail = readFileSync(log, "utf8").split("\n").slice(-30).join("\n");
    throw new Error(`${command} ${argv.join(" ")} exited with ${code}; log ${log}:\n${tail}`);
  }
  const total = (key: "user" | "system") => [...cpu.values()].reduce((sum, times) => sum + times[key], 0);
  return {
    wallMs,
    peakRssBytes: hasProc ? peak : null,
    cpuUser: hasProc ? total("user") : null,
    cpuSystem: hasProc ? total("system") : null,
  };
}
