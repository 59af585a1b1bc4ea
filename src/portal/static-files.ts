import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';

/** The folder with the page assets (`web/`), from src/ (tests) and dist/src/ (npm start) alike. */
export function webDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'web', 'embed.js'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`web/embed.js not found above ${__dirname}`);
    dir = parent;
  }
  return join(dir, 'web');
}

/** The full Web Chat UMD bundle shipped in the npm package (its exports map hides dist/). */
export function webChatBundle(): { path: string; version: string } {
  const packageDir = dirname(dirname(require.resolve('botframework-webchat')));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { path: join(packageDir, 'dist', 'webchat.js'), version };
}

/**
 * A file read once and served from memory with an ETag, a gzip copy made on first use
 * (Web Chat is 3.9 MB, about 1 MB gzipped) and the given Cache-Control.
 */
export class StaticFile {
  private readonly body: Buffer;
  private readonly etag: string;
  private gzipped?: Buffer;

  constructor(
    path: string,
    private readonly contentType: string,
    private readonly cacheControl: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {
    this.body = readFileSync(path);
    this.etag = `"${createHash('sha256').update(this.body).digest('base64url').slice(0, 27)}"`;
  }

  send(req: Request, res: Response): void {
    const headers: Record<string, string> = {
      'Content-Type': this.contentType,
      'Cache-Control': this.cacheControl,
      ETag: this.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      ...this.extraHeaders,
    };
    if (req.headers['if-none-match'] === this.etag) {
      res.sendRaw(304, '', headers);
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (acceptsGzip && this.body.length > 1024) {
      this.gzipped ??= gzipSync(this.body, { level: 9 });
      res.sendRaw(200, this.gzipped, { ...headers, 'Content-Encoding': 'gzip' });
      return;
    }
    res.sendRaw(200, this.body, headers);
  }
}
