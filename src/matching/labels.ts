// Human words for codes, so reasons read as sentences a person can check.
import type { EngineOrg, TrustGraph } from './types.js';

const LANGUAGE_NAMES: Record<string, string> = {
  ar: 'Arabic', bn: 'Bengali', de: 'German', en: 'English', es: 'Spanish', fa: 'Persian', fr: 'French',
  ha: 'Hausa', hi: 'Hindi', id: 'Indonesian', it: 'Italian', ja: 'Japanese', ko: 'Korean', ku: 'Kurdish',
  nl: 'Dutch', pl: 'Polish', ps: 'Pashto', pt: 'Portuguese', ru: 'Russian', so: 'Somali', sw: 'Swahili',
  ta: 'Tamil', tr: 'Turkish', uk: 'Ukrainian', ur: 'Urdu', vi: 'Vietnamese', zh: 'Chinese', am: 'Amharic',
  ti: 'Tigrinya', my: 'Burmese', th: 'Thai', he: 'Hebrew', el: 'Greek', ro: 'Romanian', hu: 'Hungarian',
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code.toLowerCase()] ?? code;
}

/** Issue-area name from either org's name map, else the id itself. */
export function issueName(id: string, a: EngineOrg, b?: EngineOrg): string {
  return a.issueAreaNames?.[id] ?? b?.issueAreaNames?.[id] ?? id;
}

export function orgName(id: string, trust: TrustGraph): string {
  // Never print an id: an unnamed organization stays unnamed.
  return trust.names?.get(id) ?? 'a common partner';
}

/** 'an EXPERT' / 'a BASIC' */
export function withArticle(word: string): string {
  return /^[AEIOU]/i.test(word) ? `an ${word}` : `a ${word}`;
}
