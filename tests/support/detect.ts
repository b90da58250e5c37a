// Detection exactly as the gate does it, on plain text, for unit tests.
import { carriesArticle, collectMatches, containment, decodeFingerprint, encodeFingerprint, sampledFingerprint } from '../../src/core/fingerprint.ts';
import { ARTICLE_TEXT } from './article.ts';

export const FINGERPRINT = decodeFingerprint(encodeFingerprint(sampledFingerprint(ARTICLE_TEXT)));

export function detects(text: string): boolean {
  const found = new Set<number>();
  collectMatches(text, FINGERPRINT, found);
  return carriesArticle(found, FINGERPRINT);
}

export function share(text: string): number {
  const found = new Set<number>();
  collectMatches(text, FINGERPRINT, found);
  return containment(found, FINGERPRINT);
}
