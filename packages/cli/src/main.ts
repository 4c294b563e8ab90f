import { version } from '@gongkai/extract';

export const USAGE = `gongkai ${version}

Usage: gongkai <command> [options]

Commands:
  extract <file...>   Extract text from documents
  eval <corpus-dir>   Evaluate extraction against a labelled corpus
  bench               Run extraction benchmarks
  serve               Start the server

Options:
  -h, --help          Show this help
  -v, --version       Show version
`;

type Io = {
  out: (text: string) => void;
  err: (text: string) => void;
};

type Command = (args: string[], io: Io) => Promise<number> | number;

const notImplemented =
  (name: string): Command =>
  (_args, io) => {
    io.err(`gongkai ${name}: not implemented\n`);
    return 2;
  };

export const commands: Record<string, Command> = {
  extract: notImplemented('extract'),
  eval: notImplemented('eval'),
  bench: notImplemented('bench'),
  serve: notImplemented('serve'),
};

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Entry point. Returns the process exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
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
