/** One measured thing of `npm run bench`. Each `bench/*.bench.ts` default-exports a list of them. */
export interface Benchmark<Context = unknown> {
  name: string;
  /** The goal, shown beside the figures, e.g. "< 15 s". */
  target?: string;
  /** Timed runs; the table shows their median. */
  runs: number;
  /** Untimed, once before the runs (start servers, write files). */
  setup?: () => Promise<Context>;
  run: (context: Context) => Promise<void>;
  teardown?: (context: Context) => Promise<void>;
}

/** Helps a bench file keep each benchmark's context type. */
export const benchmark = <Context>(b: Benchmark<Context>): Benchmark => b as Benchmark;
