import { log } from '../../src/log';

// Tests read behaviour, not log lines (test/security.test.ts reads a real server's stdout).
log.level = 'silent';
