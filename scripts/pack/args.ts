// Command-line arguments: positionals, `--name value` options and `--flag` switches.
export interface Args {
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

export function parseArgs(argv: readonly string[], withValue: readonly string[]): Args {
  const args: Args = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) args.positional.push(arg);
    else if (arg.includes('=')) args.options.set(arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1));
    else if (withValue.includes(arg.slice(2))) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
      args.options.set(arg.slice(2), value);
    } else args.flags.add(arg.slice(2));
  }
  return args;
}
