import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The operator's login: ADMIN_TOKEN, compared in constant time, and a session cookie
 * signed with a key derived from it (changing the token ends every session).
 */
export class AdminAuth {
  private readonly tokenDigest: Buffer;
  private readonly key: Buffer;

  constructor(
    token: string,
    private readonly sessionSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokenDigest = sha256(token);
    this.key = createHmac('sha256', token).update('admin-session-v1').digest();
  }

  /** True when `candidate` is the admin token (constant time, whatever its length). */
  isToken(candidate: string): boolean {
    return timingSafeEqual(sha256(candidate), this.tokenDigest);
  }

  /** A session value valid for sessionSeconds: `<expires>.<signature>`. */
  issue(): string {
    const expires = Math.floor(this.now() / 1000) + this.sessionSeconds;
    return `${expires}.${this.sign(String(expires))}`;
  }

  isSession(value: string | undefined): boolean {
    const match = /^(\d{1,12})\.([\w-]{43})$/.exec(value ?? '');
    if (!match) return false;
    const expected = Buffer.from(this.sign(match[1]));
    const given = Buffer.from(match[2]);
    return given.length === expected.length && timingSafeEqual(given, expected) && Number(match[1]) > this.now() / 1000;
  }

  private sign(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
