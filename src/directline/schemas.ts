import { z } from 'zod';

export const MAX_TEXT_LENGTH = 2000;

/** User ids: what a portal may put into a token, and what a secret holder may send as `from.id`. */
export const UserIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:@-]+$/, 'user id may only contain letters, digits and _ . : @ -');

/** A JSON value small enough to keep: `value` of card submits, `channelData`. */
const smallJson = (maxChars: number) =>
  z.unknown().refine((value) => value === undefined || JSON.stringify(value).length <= maxChars, {
    message: `must be at most ${maxChars} characters as JSON`,
  });

/**
 * What a client may post. Unknown fields are dropped, so a client cannot set `serviceUrl`,
 * `recipient`, `deliveryMode`, `callerId`… — the channel fills those in itself.
 */
export const IncomingActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(MAX_TEXT_LENGTH).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/).optional(),
  localTimestamp: z.string().max(40).optional(),
  localTimezone: z.string().max(64).optional(),
  name: z.string().max(200).optional(),
  value: smallJson(2000).optional(),
  from: z.object({ id: z.string().max(200).optional(), name: z.string().max(100).optional() }).optional(),
  channelData: z
    .object({ clientActivityID: z.string().max(200).optional() })
    .catchall(z.unknown())
    .refine((value) => JSON.stringify(value).length <= 4000, { message: 'must be at most 4000 characters as JSON' })
    .optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(10).optional(),
  attachments: z.array(z.unknown()).max(0, 'attachments are not supported').optional(),
});
export type IncomingActivity = z.infer<typeof IncomingActivitySchema>;

/** Body of POST /tokens/generate and POST /conversations (both optional). */
export const ConversationRequestSchema = z
  .object({
    user: z.object({ id: UserIdSchema.optional(), name: z.string().max(100).optional() }).optional(),
    locale: z.string().max(20).optional(),
  })
  .optional();

export const WatermarkSchema = z
  .string()
  .regex(/^\d{0,15}$/, 'watermark must be a number')
  .transform((value) => (value === '' ? 0 : Number(value)));

/** "type: Invalid option…; text: Too big…" — short enough for an error message. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}
