// Where the pack commands write: `out` is stdout (the result), `err` is stderr (what happened).
// Tests pass their own, to read what a user would see.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The environment (default process.env): tells whether npm printed its header to stdout. */
  env?: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (default: process.stdout.isTTY); when not, it is a file or a pipe. */
  stdoutIsTerminal?: boolean;
}
