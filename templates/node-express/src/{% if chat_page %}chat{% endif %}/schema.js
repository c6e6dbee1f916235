import { z } from 'zod';

export const MAX_NAME_LENGTH = 32;
export const MAX_MESSAGE_LENGTH = 500;

export const chatMessageSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Choose a display name')
    .max(MAX_NAME_LENGTH, `Display name is too long (max ${MAX_NAME_LENGTH} characters)`),
  text: z
    .string()
    .trim()
    .min(1, 'Message is empty')
    .max(MAX_MESSAGE_LENGTH, `Message is too long (max ${MAX_MESSAGE_LENGTH} characters)`),
});

// From a signed-in user the name comes from the sign-in, so clients send only the text.
export const signedInMessageSchema = chatMessageSchema.pick({ text: true });
