/**
 * Moderator tokens: HS256 JWTs signed with a secret from configuration, carrying who the
 * moderator is (`sub`) and the role. Anyone without a valid token is a member of the public.
 */
import { errors, jwtVerify, SignJWT } from 'jose';

export const MIN_SECRET_LENGTH = 32;
const ISSUER = 'gongkai';
const ROLE = 'moderator';

export class SecretError extends Error {
  override name = 'SecretError';
}

/** The signing key from its configured text; short secrets are refused, not padded. */
export function moderatorKey(secret: string | undefined): Uint8Array | null {
  if (secret === undefined || secret === '') return null;
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new SecretError(
      `GONGKAI_MODERATOR_SECRET must be at least ${MIN_SECRET_LENGTH} characters`,
    );
  }
  return new TextEncoder().encode(secret);
}

export async function signModeratorToken(
  key: Uint8Array,
  moderator: string,
  now: Date,
  ttlSeconds = 8 * 3600,
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: ROLE })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(moderator)
    .setIssuer(ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}

export type TokenCheck = { ok: true; moderator: string } | { ok: false; problem: string };

export async function verifyModeratorToken(
  key: Uint8Array | null,
  token: string,
  now: Date,
): Promise<TokenCheck> {
  if (!key) return { ok: false, problem: 'moderation is not configured on this server' };
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      currentDate: now,
    });
    if (payload.role !== ROLE || typeof payload.sub !== 'string' || payload.sub === '') {
      return { ok: false, problem: 'the token is not a moderator token' };
    }
    return { ok: true, moderator: payload.sub };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, problem: 'the token has expired' };
    return { ok: false, problem: 'the token is not valid' };
  }
}

/** The bearer token of an Authorization header, if any. */
export function bearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}
