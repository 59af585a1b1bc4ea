/**
 * SHA-256 of the empty string. Web Chat 4.18 gives its `nonce` to its own emotion cache but
 * not to react-scroll-to-bottom's (BasicTranscript mounts that Composer without it), whose
 * empty <style> is then blocked and the transcript loses its scrolling styles. Emotion
 * (speedy, as bundled) fills that element through CSSOM insertRule, which CSP does not
 * police, so allowing just the empty element is enough; inline style text stays forbidden.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * Content-Security-Policy of the pages, checked against Web Chat 4.18 in chromium
 * (test/e2e fails on any CSP violation): no 'unsafe-eval', no 'unsafe-inline'.
 */
export function pageCsp({
  nonce,
  allowedOrigins,
  directLineOrigin,
}: {
  nonce: string;
  allowedOrigins: readonly string[];
  directLineOrigin?: string;
}): string {
  const connect = ["'self'", ...(directLineOrigin ? [directLineOrigin] : [])];
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    frameAncestors(allowedOrigins),
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Which pages may show ours in a frame: this server and the configured portals. */
export function frameAncestors(allowedOrigins: readonly string[]): string {
  return ['frame-ancestors', "'self'", ...allowedOrigins].join(' ');
}

export function pageHeaders(csp: string, allowedOrigins: readonly string[]): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'Cache-Control': 'no-store', // the page carries a fresh nonce each time
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    // Browsers without CSP frame-ancestors: same-origin framing only (no allow-list there).
    ...(allowedOrigins.length === 0 ? { 'X-Frame-Options': 'SAMEORIGIN' } : {}),
  };
}

/** For text placed inside an HTML attribute or element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
