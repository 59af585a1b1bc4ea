import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Direct Line tokens: HS256 JWTs signed with a key derived from the Direct Line secret.
 * JWT shape on purpose: Web Chat decodes the token (without verifying it) and takes the
 * `user` claim as the user id, so the id the bot sees is the one the portal chose.
 */
export interface TokenClaims {
  /** Conversation the token is scoped to. */
  conv: string;
  /** User id the channel will put into `from.id`. */
  user: string;
  /** Issued at / expires at, seconds since the epoch. */
  iat: number;
  exp: number;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

const ISSUER = 'qd-directline';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export class TokenService {
  private readonly signingKey: Buffer;
  private readonly secretDigest: Buffer;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {
    // A key of its own, so a leaked token signature says nothing about the secret itself.
    this.signingKey = createHmac('sha256', secret).update('directline-token-v1').digest();
    this.secretDigest = sha256(secret);
  }

  /** True when `value` is the Direct Line secret (compared in constant time). */
  isSecret(value: string): boolean {
    return timingSafeEqual(sha256(value), this.secretDigest);
  }

  issue(conversationId: string, userId: string): { token: string; expires_in: number } {
    const iat = Math.floor(this.now() / 1000);
    const payload = {
      iss: ISSUER,
      conv: conversationId,
      user: userId,
      iat,
      exp: iat + this.ttlSeconds,
      // Makes two tokens issued in the same second differ (refresh must change the token).
      jti: randomBytes(8).toString('base64url'),
    };
    const body = `${HEADER}.${base64url(JSON.stringify(payload))}`;
    return { token: `${body}.${this.sign(body)}`, expires_in: this.ttlSeconds };
  }

  verify(token: string): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'bad_signature' };
    }
    let claims: Record<string, unknown>;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const { conv, user, iat, exp, iss } = claims;
    if (iss !== ISSUER || typeof conv !== 'string' || typeof user !== 'string') return { ok: false, reason: 'malformed' };
    if (typeof iat !== 'number' || typeof exp !== 'number') return { ok: false, reason: 'malformed' };
    if (this.now() / 1000 >= exp) return { ok: false, reason: 'expired' };
    return { ok: true, claims: { conv, user, iat, exp } };
  }

  /** Seconds until the token expires (for `expires_in` when a token is handed back unchanged). */
  secondsLeft(exp: number): number {
    return Math.max(0, exp - Math.floor(this.now() / 1000));
  }

  private sign(data: string): string {
    return createHmac('sha256', this.signingKey).update(data).digest('base64url');
  }
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
