// npm writes its own header to stdout before a script's output ("> backstory@0.1.0 pack" and the
// command), unless it runs with --silent. `npm run pack -- export x > file` therefore puts it in the
// file. Export says so on stderr; import skips such a header so that the file still reads.

/** The header `npm run` prints: a blank line, "> name@version script", "> command", a blank line. */
const BANNER = /^\s*(?:> [^\n]*\n)+\s*(?=[[{])/;

/** The text without npm's header, and whether it had one. */
export function withoutNpmBanner(text: string): { text: string; hadBanner: boolean } {
  const match = BANNER.exec(text);
  return match ? { text: text.slice(match[0].length), hadBanner: true } : { text, hadBanner: false };
}

/**
 * Whether npm has printed its header to our stdout: run through `npm run` (npm sets
 * npm_lifecycle_event) without --silent (which sets npm_config_loglevel=silent).
 */
export const npmPrintedBanner = (env: NodeJS.ProcessEnv) => env.npm_lifecycle_event !== undefined && env.npm_config_loglevel !== 'silent';
