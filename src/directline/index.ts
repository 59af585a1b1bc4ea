export { registerDirectLine, type DirectLine } from './routes';
export { createInProcessDelivery, type InProcessDeliveryOptions, type RunnableBot } from './in-process';
export { DirectLineChannel, type Caller, type ConversationTicket } from './channel';
export { DEFAULT_LIMITS, normalizeOrigins, type DeliverToBot, type DirectLineLimits, type DirectLineOptions } from './options';
export { MAX_TEXT_LENGTH } from './schemas';
