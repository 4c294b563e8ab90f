import { moderatorKey, verifyModeratorToken } from '@gongkai/functions';
import { describe, expect, it } from 'vitest';
import { capturingIo } from '../io.ts';
import { moderatorTokenCommand } from './moderator-token.ts';

const SECRET = 'a-secret-of-at-least-thirty-two-characters!';
const NOW = new Date('2026-03-01T10:00:00Z');

describe('gongkai moderator-token', () => {
  it('prints a token the API accepts for that moderator until it expires', async () => {
    const io = capturingIo();
    const code = await moderatorTokenCommand(
      ['alice', '--hours', '2'],
      io,
      { GONGKAI_MODERATOR_SECRET: SECRET },
      NOW,
    );
    expect(code).toBe(0);
    const token = io.stdout.trim();
    const key = moderatorKey(SECRET);
    expect(await verifyModeratorToken(key, token, NOW)).toEqual({ ok: true, moderator: 'alice' });
    const later = new Date(NOW.getTime() + 2 * 3600 * 1000 + 1000);
    expect(await verifyModeratorToken(key, token, later)).toEqual({
      ok: false,
      problem: 'the token has expired',
    });
    const other = moderatorKey('another-secret-of-at-least-thirty-two-chars');
    expect(await verifyModeratorToken(other, token, NOW)).toMatchObject({ ok: false });
  });

  it.each([
    [[], { GONGKAI_MODERATOR_SECRET: SECRET }, 'give one moderator name'],
    [['a', 'b'], { GONGKAI_MODERATOR_SECRET: SECRET }, 'give one moderator name'],
    [['alice'], {}, 'set GONGKAI_MODERATOR_SECRET'],
    [['alice'], { GONGKAI_MODERATOR_SECRET: 'short' }, 'at least 32 characters'],
    [['alice', '--hours', '0'], { GONGKAI_MODERATOR_SECRET: SECRET }, '--hours must be'],
    [['alice', '--hours=abc'], { GONGKAI_MODERATOR_SECRET: SECRET }, '--hours must be'],
    [['alice', '--admin'], { GONGKAI_MODERATOR_SECRET: SECRET }, "unknown option '--admin'"],
  ])('refuses %j', async (args, env, message) => {
    const io = capturingIo();
    expect(await moderatorTokenCommand(args, io, env, NOW)).toBe(2);
    expect(io.stderr).toContain(message);
    expect(io.stdout).toBe('');
  });
});
