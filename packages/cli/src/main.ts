import { version } from '@gongkai/extract';
import { benchCommand } from './commands/bench.ts';
import { bundleCommand } from './commands/bundle.ts';
import { evalCommand } from './commands/eval.ts';
import { exportCommand } from './commands/export.ts';
import { extractCommand } from './commands/extract.ts';
import { ingestCommand } from './commands/ingest.ts';
import { moderatorTokenCommand } from './commands/moderator-token.ts';
import { serveCommand } from './commands/serve.ts';
import { type Io, processIo } from './io.ts';

export const USAGE = `gongkai ${version}

Usage: gongkai <command> [options]

Commands:
  extract FILE... [--json]      Extract figures, metadata and findings from reports
  eval CORPUS_DIR [--verbose]   Score extraction against a corpus of reports with truth
  bench [CORPUS_DIR]            Measure extraction, ingest, query and API cost [--only=extract,search,ingest,queries,api]
  ingest PATH... [--json]       Store reports (files or folders) in the database
  export --format jsonl|csv     Dump agencies, reports and values [--since ISO] [--out FILE]
  serve                         Run the local stack: DynamoDB Local, the API and the web server (npm start)
  moderator-token NAME          Sign a moderator token with GONGKAI_MODERATOR_SECRET [--hours N]
  bundle [--out DIR]            Bundle the GraphQL Lambda into DIR/graphql.mjs (default dist/lambda)

Run \`gongkai COMMAND --help\` for a command's options. The database is DynamoDB Local from
\`gongkai serve\`, or DYNAMODB_ENDPOINT / GONGKAI_TABLE / AWS_REGION.

Options:
  -h, --help          Show this help
  -v, --version       Show version
`;

type Command = (args: string[], io: Io) => Promise<number> | number;

export const commands: Record<string, Command> = {
  extract: extractCommand,
  eval: evalCommand,
  bench: benchCommand,
  ingest: ingestCommand,
  export: exportCommand,
  serve: serveCommand,
  bundle: bundleCommand,
  'moderator-token': (args, io) => moderatorTokenCommand(args, io),
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
