import { ProblemError, problems, type FieldErrorKey } from './problem.js';

/** Deepest nesting of arrays and objects a JSON body may have; real bodies stay under ten. */
export const maxJsonDepth = 64;

/**
 * The charset a JSON body declares, when it is not UTF-8 (RFC 8259 §8.1: JSON exchanged between
 * systems is UTF-8). Answers 415 rather than reading UTF-16 bytes as UTF-8.
 */
export function assertUtf8Charset(contentType: string | undefined, expected: string): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return;
  throw new ProblemError(415, 'unsupported_media_type', {
    titleKey: 'problem.unsupportedMediaType',
    detailKey: 'validation.charset',
    params: { expected, charset },
    errors: [
      {
        pointer: '#/header/Content-Type',
        code: 'contentType',
        messageKey: 'validation.charset',
        params: { expected, charset },
      },
    ],
  });
}

/**
 * Refuses JSON text nested deeper than {@link maxJsonDepth} before it is parsed, so no later walk
 * (validation, storage) can run out of stack. One pass over the text, skipping strings.
 */
export function assertJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > maxJsonDepth)
        throw problems.validation([
          {
            pointer: '',
            code: 'maxDepth',
            messageKey: 'validation.jsonDepth',
            params: { limit: maxJsonDepth },
          },
        ]);
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

// In a `u` regular expression a surrogate pair is one code point; only a lone half is of category Cs.
const loneSurrogate = /\p{Cs}/u;

/** Why a string cannot be stored, if it cannot: a NUL (text columns refuse it) or a lone surrogate. */
export function badString(value: string): FieldErrorKey['messageKey'] | undefined {
  if (value.includes('\u0000')) return 'validation.nullCharacter';
  if (loneSurrogate.test(value)) return 'validation.unicode';
  return undefined;
}

/**
 * The first string or key of a parsed value that cannot be stored, as a field error pointing at it.
 * Walks with an explicit stack, never recursion.
 */
export function findBadString(root: unknown): FieldErrorKey | undefined {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [value, pointer] = stack.pop()!;
    if (typeof value === 'string') {
      const messageKey = badString(value);
      if (messageKey) return { pointer, code: 'pattern', messageKey };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${pointer}/${i}`]);
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, entry] = entries[i]!;
        const child = `${pointer}/${escapePointer(key)}`;
        const messageKey = badString(key);
        if (messageKey) return { pointer: child, code: 'pattern', messageKey };
        stack.push([entry, child]);
      }
    }
  }
  return undefined;
}

/** Parses a JSON body: depth first, then the text, then every string; each failure a 400 problem. */
export function parseJsonBody(text: string): unknown {
  assertJsonDepth(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw problems.validation([{ pointer: '', code: 'json', messageKey: 'problem.malformedJson' }]);
  }
  const bad = findBadString(parsed);
  if (bad) throw problems.validation([bad]);
  return parsed;
}
