import { parseArgs } from "node:util";
import { SYSTEM_NAMES, type SystemName } from "./systems.ts";

export const USAGE =
  "usage: npm run bench -- [--articles N[,N]]... [--runs 3] [--seed 1] [--systems plain,markdown,hugo] [--keep]\n" +
  "       npm run bench -- --incremental [--articles 10000] [--runs 3] [--seed 1] [--no-search-index] [--work /dev/shm/…]";

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
  /** The incremental build's cases instead of the systems' cold builds (bench/incremental.ts). */
  readonly incremental: boolean;
  /** Whether `npm run build` writes the search index (incremental cases). */
  readonly searchIndex: boolean;
  /** Where the incremental cases put corpus, output and cache: a folder in memory when omitted. */
  readonly work: string | undefined;
}

/** The bench's options from its command line; `undefined` when help was asked for. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions | undefined {
  const { values } = parseArgs({
    args: [...argv],
    allowNegative: true,
    options: {
      articles: { type: "string", multiple: true },
      runs: { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      systems: { type: "string", default: SYSTEM_NAMES.join(",") },
      keep: { type: "boolean", default: false },
      incremental: { type: "boolean", default: false },
      "search-index": { type: "boolean", default: true },
      work: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return undefined;
  const sizes = (values.articles ?? (values.incremental ? ["10000"] : ["1000", "10000"]))
    .flatMap((value) => value.split(","))
    .map(Number);
  const runs = Number(values.runs);
  const systems = values.systems
    .split(",")
    .filter((name): name is SystemName => (SYSTEM_NAMES as readonly string[]).includes(name));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !(runs >= 1)) throw new Error(USAGE);
  return {
    sizes,
    runs,
    seed: Number(values.seed),
    systems,
    keep: values.keep,
    incremental: values.incremental,
    searchIndex: values["search-index"],
    work: values.work,
  };
}
