// `npm run pack -- <command>`: authoring and exchanging annotation packs. See docs/packs.md.
import { main } from './pack/cli.ts';

// `npm run pack -- export x | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
