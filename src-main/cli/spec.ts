/** The shape of one CLI command: which API entry it calls and how argv maps onto its input. */
import type { OpName } from '../api/contract';

/** How an argument's text becomes an input value; anything else is left to the schema to refuse. */
export type ArgType = 'string' | 'int' | 'ref' | 'bool' | 'file';

export interface PositionalSpec {
  name: string; // shown in usage, e.g. ISSUE
  key: string; // input key
  type: ArgType;
  variadic?: boolean;
  optional?: boolean;
}

export interface OptionSpec {
  flag: string; // without dashes
  key: string;
  type: ArgType;
  multiple?: boolean;
  value?: string; // placeholder in help
  zh: string;
  en: string;
}

export interface CommandContext {
  dbPath: string;
  json: boolean;
  /** Who is working (--operator, BULLETIN_OPERATOR or the OS user): set on every Ctx made. */
  operator: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface CommandSpec {
  path: readonly string[];
  zh: string;
  en: string;
  positionals?: readonly PositionalSpec[];
  options?: readonly OptionSpec[];
  /** The API entry this command calls with the input built from argv. */
  op?: OpName;
  /**
   * The op answers a page ({ rows, total }, api/paging.ts). Without --limit or --offset the
   * command reads every page and prints all rows (JSON: the array); with them, that one page
   * (JSON: the page) and a line with the total. `print` always receives the rows.
   */
  paged?: boolean;
  /** Commands that are not one API call (demo, web) run here instead. */
  run?: (input: Record<string, unknown>, ctx: CommandContext) => Promise<unknown>;
  /** Whether the command needs the database opened for it (default: when `op` is set). */
  usesDb?: boolean;
  /** Human-readable rendering of the result (the JSON form is the result itself). */
  print?: (result: never) => string;
  /** The JSON form when it is not the whole result (e.g. search prints its list of hits). */
  json?: (result: never) => unknown;
  examples?: readonly string[];
  /**
   * The exit code of a call that succeeded (default 0): a check that ran and found problems
   * (archive verify) exits 3, so a script can tell 'found damage' from 'refused' (2).
   */
  exitCode?: (result: never) => number;
}
