import { type ArgumentMetadata, BadRequestException, type PipeTransform } from '@nestjs/common';

/**
 * Text with NUL characters is refused at the edge: PostgreSQL cannot store it in JSON, and
 * no resident's issue needs it. Runs on every body before validation.
 */
export class RejectNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' && containsNul(value)) {
      throw new BadRequestException(['text must not contain NUL (\\u0000) characters']);
    }
    return value;
  }
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || containsNul(inner));
  }
  return false;
}
