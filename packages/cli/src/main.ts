import { version } from '@gongkai/extract';
import { benchCommand } from './commands/bench.ts';
import { evalCommand } from './commands/eval.ts';
import { extractCommand } from './commands/extract.ts';
import { type Io, processIo } from './io.ts';

export const USAGE = `gongkai ${version}

Usage: gongkai <command> [options]

Commands:
  extract FILE... [--json]      Extract figures, metadata and findings from reports
  eval CORPUS_DIR [--verbose]   Score extraction against a corpus of reports with truth
  bench [CORPUS_DIR]            Measure extraction throughput and memory

Options:
  -h, --help          Show this help
  -v, --version       Show version
`;

type Command = (args: string[], io: Io) => Promise<number> | number;

export const commands: Record<string, Command> = {
  extract: extractCommand,
  eval: evalCommand,
  bench: benchCommand,
  // The local stack needs the data layer, API and web app, which are not built yet.
  serve: (_args, io) => {
    io.err(
      'gongkai serve: the local stack (DynamoDB Local, API, web app) is not built yet; try `npx gongkai extract FILE`\n',
    );
    return 2;
  },
};

/** Entry point. Returns the process exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 1 : 0;
  }
  if (name === '-v' || name === '--version') {
    io.out(`${version}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`gongkai: unknown command '${name}'\n\n${USAGE}`);
    return 1;
  }
  return command(rest, io);
}
