// API keys are stored and compared as SHA-256 digests: equal-length buffers for timingSafeEqual,
// and no plain key kept in memory beyond the fixtures it was read from.
import { createHash } from 'node:crypto';

export const digestApiKey = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();
