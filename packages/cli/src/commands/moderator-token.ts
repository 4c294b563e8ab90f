/** `gongkai moderator-token NAME`: signs a moderator token with the configured secret. */
import { moderatorKey, signModeratorToken } from '@gongkai/functions';
import type { Io } from '../io.ts';

export const MODERATOR_TOKEN_USAGE = `Usage: gongkai moderator-token NAME [--hours N]

Prints a token that lets NAME review corrections (send it as Authorization: Bearer TOKEN).
Signed with GONGKAI_MODERATOR_SECRET (at least 32 characters), the secret the API checks.
Tokens last 8 hours unless --hours says otherwise (at most 720).
`;

export async function moderatorTokenCommand(
  args: string[],
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date(),
): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(MODERATOR_TOKEN_USAGE);
    return 0;
  }
  let hours = 8;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = arg.startsWith('--hours=') ? arg.slice(8) : arg === '--hours' ? args[++i] : null;
    if (value !== null) {
      hours = Number(value);
      if (!Number.isFinite(hours) || hours <= 0 || hours > 720) {
        io.err(`gongkai moderator-token: --hours must be a number of hours from 0 to 720\n`);
        return 2;
      }
    } else if (arg.startsWith('-')) {
      io.err(`gongkai moderator-token: unknown option '${arg}'\n\n${MODERATOR_TOKEN_USAGE}`);
      return 2;
    } else names.push(arg);
  }
  const name = names[0]?.trim();
  if (names.length !== 1 || !name || name.length > 100) {
    io.err(`gongkai moderator-token: give one moderator name\n\n${MODERATOR_TOKEN_USAGE}`);
    return 2;
  }
  let key: Uint8Array | null;
  try {
    key = moderatorKey(env.GONGKAI_MODERATOR_SECRET);
  } catch (error) {
    io.err(`gongkai moderator-token: ${(error as Error).message}\n`);
    return 2;
  }
  if (!key) {
    io.err('gongkai moderator-token: set GONGKAI_MODERATOR_SECRET to the API’s secret\n');
    return 2;
  }
  io.out(`${await signModeratorToken(key, name, now, Math.round(hours * 3600))}\n`);
  return 0;
}
