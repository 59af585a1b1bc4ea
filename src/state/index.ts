import type { AppConfig } from '../config';
import { MemoryStore } from './memory';
import { RedisStore } from './redis';
import { SqliteStore } from './sqlite';
import { HISTORY_LIMITS, type DirectLineStoreLimits, type StateStore } from './store';

export * from './store';
export { MemoryStore } from './memory';


export function storeLimits(config: AppConfig): DirectLineStoreLimits {
  return {
    maxConversations: config.MAX_CONVERSATIONS,
    maxConversationsPerClient: config.MAX_CONVERSATIONS_PER_CLIENT,
    idleExpirySeconds: config.CONVERSATION_TTL_MINUTES * 60,
    ...HISTORY_LIMITS,
  };
}

/** The store STORAGE names: sqlite (default) in DATA_DIR, redis at REDIS_URL, or memory (tests). */
export async function openStore(config: AppConfig): Promise<StateStore> {
  const limits = storeLimits(config);
  switch (config.STORAGE) {
    case 'memory':
      return new MemoryStore(limits);
    case 'sqlite':
      return SqliteStore.open(config.DATA_DIR, limits);
    case 'redis':
      return RedisStore.connect(config.REDIS_URL, limits);
  }
}
