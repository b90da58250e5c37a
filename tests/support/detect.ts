// Detection exactly as the gate does it, on plain text, for unit tests.
import { names } from 'virtual:backstory-fingerprint';
import { carriesArticle, collectMatches, containment, decodeFingerprint, encodeFingerprint, sampledFingerprint, textNearNames } from '../../src/core/fingerprint.ts';
import { ARTICLE_TEXT } from './article.ts';

export const FINGERPRINT = decodeFingerprint(encodeFingerprint(sampledFingerprint(ARTICLE_TEXT)));
export const PEOPLE = names;

export function detects(text: string): boolean {
  const found = new Set<number>();
  for (const part of textNearNames(text, PEOPLE)) collectMatches(part, FINGERPRINT, found);
  return carriesArticle(found, FINGERPRINT);
}

export function share(text: string): number {
  const found = new Set<number>();
  collectMatches(text, FINGERPRINT, found);
  return containment(found, FINGERPRINT);
}
