import { parseArgs } from "node:util";
import { SYSTEM_NAMES, type SystemName } from "./systems.ts";

export const USAGE =
  "usage: npm run bench -- [--articles N[,N]]... [--runs 3] [--seed 1] [--systems plain,markdown,hugo] [--keep]";

export interface BenchOptions {
  /** Archive sizes to build, in articles. */
  readonly sizes: readonly number[];
  /** Cold builds of each system at each size. */
  readonly runs: number;
  /** The corpus seed. */
  readonly seed: number;
  readonly systems: readonly SystemName[];
  /** Keep the corpus and logs in the temp folder. */
  readonly keep: boolean;
}

/** The bench's options from its command line; `undefined` when help was asked for. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      articles: { type: "string", multiple: true },
      runs: { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      systems: { type: "string", default: SYSTEM_NAMES.join(",") },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return undefined;
  const sizes = (values.articles ?? ["1000", "10000"]).flatMap((value) => value.split(",")).map(Number);
  const runs = Number(values.runs);
  const systems = values.systems
    .split(",")
    .filter((name): name is SystemName => (SYSTEM_NAMES as readonly string[]).includes(name));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !(runs >= 1)) throw new Error(USAGE);
  return { sizes, runs, seed: Number(values.seed), systems, keep: values.keep };
}
