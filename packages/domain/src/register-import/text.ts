/**
 * The plain text of a cell as real council registers carry it (Excel round trips, web exports, Contracts Finder
 * extracts): mojibake, HTML, lost line breaks, odd spaces. Pure functions: strings in, data out.
 */

/** One repaired run of mojibake: what the file said and what it meant. */
export interface EncodingRepair {
  garbled: string;
  repaired: string;
}

export interface CleanedText {
  text: string;
  /** UTF-8 text that had been read as Windows-1252 ("â€™" for "’"), repaired. */
  encodingRepairs: EncodingRepair[];
  /** HTML tags or entities were turned into plain text. */
  removedMarkup: boolean;
  /** Line breaks that an export had flattened to the letters "rn" (or to "\r\n", "_x000D_") were restored. */
  restoredLineBreaks: boolean;
}

export interface CleanTextOptions {
  /** Keep line breaks (descriptions). When false (titles, names) every line break becomes a space. */
  multiline?: boolean;
}

/** The plain text of a cell: see cleanTextReport for what is repaired. */
export function cleanText(text: string, options: CleanTextOptions = {}): string {
  return cleanTextReport(text, options).text;
}

/**
 * Repairs, in order:
 * 1. Mojibake: UTF-8 bytes that were decoded as Windows-1252 (or Latin-1). Each suspicious run (a UTF-8 lead
 *    character such as "â" or "Ã" followed by the right number of continuation characters) is turned back into the
 *    bytes Windows-1252 gives it and decoded as UTF-8; it is replaced only if that decodes cleanly, so genuine
 *    accents ("café") are untouched. Repeated up to three times, which undoes double encoding ("Ã¢â‚¬â„¢" → "’").
 * 2. A leading apostrophe that a spreadsheet or our own export (toCsv's formula guard) put before = + - @.
 * 3. HTML: known tags are removed (block tags become line breaks, <li> a "- " bullet) and entities decoded.
 * 4. Lost line breaks: "\r\n" written out as text, Excel's "_x000D_", and the letters "rn" left where a
 *    CR LF was stripped of its backslashes. "rn" is only treated as a line break where no English word can be
 *    meant: "rnrn"; "rn" followed by three or more spaces or tabs (the indentation that followed the break);
 *    or "rn" standing apart from letters on the left and followed by a capital, digit, space or the end.
 *    So "return", "Government", "Learn more" and "www.rnib.org.uk" are left alone.
 * 5. Whitespace: non-breaking and other Unicode spaces become spaces, zero-width characters go, runs of spaces
 *    collapse, lines are trimmed, at most one blank line is kept, and the whole is trimmed.
 */
export function cleanTextReport(text: string, options: CleanTextOptions = {}): CleanedText {
  const multiline = options.multiline ?? true;
  const encoding = repairMojibake(text);
  let result = encoding.text;
  result = result.replace(/^'(?=[=+\-@\t\r])/, "");
  const markup = stripMarkup(result);
  result = markup.text;
  const breaks = restoreLineBreaks(result);
  result = normaliseWhitespace(breaks.text, multiline);
  return {
    text: result,
    encodingRepairs: encoding.repairs,
    removedMarkup: markup.changed,
    restoredLineBreaks: breaks.changed,
  };
}

// Windows-1252 bytes 0x80–0x9F. The five bytes it leaves undefined (81, 8D, 8F, 90, 9D) decode to the matching C1
// control character in Windows and WHATWG decoders, and Latin-1 decodes all 32 that way, so code points up to
// U+00FF map to their own byte.
const windows1252HighBytes: readonly [number, number][] = [
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
];
const windows1252ByteOf = new Map(windows1252HighBytes);
const continuationClass = `[\\u0080-\\u00BF${windows1252HighBytes.map(([code]) => String.fromCodePoint(code)).join("")}]`;
const mojibakeRun = new RegExp(
  `[\\u00C2-\\u00DF]${continuationClass}|[\\u00E0-\\u00EF]${continuationClass}{2}|[\\u00F0-\\u00F4]${continuationClass}{3}`,
  "g",
);
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function windows1252Byte(char: string): number | undefined {
  const code = char.codePointAt(0);
  if (code === undefined) return undefined;
  return code <= 0xff ? code : windows1252ByteOf.get(code);
}

function decodeAsUtf8(garbled: string): string | null {
  const bytes: number[] = [];
  for (const char of garbled) {
    const byte = windows1252Byte(char);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  try {
    return strictUtf8.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

const suspectRun = new RegExp(
  `[\\u0080-\\u00FF${windows1252HighBytes.map(([code]) => String.fromCodePoint(code)).join("")}]+`,
  "g",
);

/**
 * Repairs UTF-8 that was read as Windows-1252, as described on cleanTextReport. Each run of characters from the
 * Windows-1252 upper half is repaired on its own and reported once, as the file had it and as it is now.
 */
export function repairMojibake(text: string): { text: string; repairs: EncodingRepair[] } {
  const repairs: EncodingRepair[] = [];
  const repaired = text.replace(suspectRun, (run: string, offset: number, whole: string) => {
    let current = run;
    for (let pass = 0; pass < 3; pass += 1) {
      const next = current.replace(mojibakeRun, (garbled) => decodeAsUtf8(garbled) ?? garbled);
      if (next === current) break;
      current = next;
    }
    // "Â" before a space: a non-breaking space (C2 A0) whose A0 was later turned into an ordinary space.
    // Only after a character, so a genuine capital at the start of a word is never touched.
    const afterCharacter = offset > 0 && /\S/.test(whole[offset - 1] ?? "");
    if (current.endsWith("Â") && afterCharacter && whole[offset + run.length] === " ")
      current = current.slice(0, -1);
    if (current !== run) {
      repairs.push({ garbled: run, repaired: current === "" ? " " : current });
    }
    return current;
  });
  return { text: repaired, repairs };
}

const blockTags = new Set([
  "div",
  "ul",
  "ol",
  "table",
  "tr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
]);
const inlineTags = new Set([
  "span",
  "strong",
  "b",
  "i",
  "em",
  "u",
  "a",
  "font",
  "sup",
  "sub",
  "small",
  "code",
  "tbody",
  "thead",
  "tfoot",
  "o:p",
]);
const markupTag = /<\/?([a-z][a-z0-9]*(?::[a-z]+)?)\b(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/gi;

const namedEntities: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
  pound: "£",
  euro: "€",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  hellip: "…",
  bull: "•",
  middot: "·",
  copy: "©",
  reg: "®",
  trade: "™",
  deg: "°",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  times: "×",
  divide: "÷",
  plusmn: "±",
  sect: "§",
  para: "¶",
  shy: "\u00AD",
  eacute: "é",
  egrave: "è",
  ecirc: "ê",
  euml: "ë",
  aacute: "á",
  agrave: "à",
  acirc: "â",
  auml: "ä",
  iacute: "í",
  iuml: "ï",
  oacute: "ó",
  ocirc: "ô",
  ouml: "ö",
  uacute: "ú",
  uuml: "ü",
  ccedil: "ç",
  ntilde: "ñ",
  Eacute: "É",
  zwsp: "\u200B",
};
const entity = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,9});/gi;

function decodeEntity(match: string, body: string): string {
  if (body.startsWith("#")) {
    const code =
      body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return match;
    // Numeric references in 128–159 mean the Windows-1252 character (HTML's own rule).
    const windows =
      code >= 0x80 && code <= 0x9f ? windows1252HighBytes.find(([, byte]) => byte === code) : undefined;
    return String.fromCodePoint(windows ? windows[0] : code);
  }
  return namedEntities[body] ?? namedEntities[body.toLowerCase()] ?? match;
}

function stripMarkup(text: string): { text: string; changed: boolean } {
  if (!text.includes("<") && !text.includes("&")) return { text, changed: false };
  let changed = false;
  let result = text.replace(markupTag, (match, rawName: string | undefined) => {
    if (rawName === undefined) {
      changed = true; // comment
      return "";
    }
    const name = rawName.toLowerCase();
    const closing = match.startsWith("</");
    if (name === "br") {
      changed = true;
      return "\n";
    }
    if (name === "p") {
      changed = true;
      return "\n\n";
    }
    if (name === "li") {
      changed = true;
      return closing ? "" : "\n- ";
    }
    if (name === "td" || name === "th") {
      changed = true;
      return " ";
    }
    if (blockTags.has(name) || name === "hr") {
      changed = true;
      return "\n";
    }
    if (inlineTags.has(name)) {
      changed = true;
      return "";
    }
    return match; // "<5 years>" or an unknown word in angle brackets is text, not markup
  });
  // Decode up to twice: double-escaped exports ("&amp;nbsp;") are common and never meant literally in a register.
  for (let pass = 0; pass < 2; pass += 1) {
    const decoded = result.replace(entity, decodeEntity);
    if (decoded === result) break;
    changed = true;
    result = decoded;
  }
  return { text: result, changed };
}

const lineBreakMarkers: readonly RegExp[] = [
  /\\r\\n|\\n|\\r/g, // the escape sequences written out as text
  /_x000D_\n?/g, // Excel's XML escape of a carriage return (usually before the line feed)
];

function restoreLineBreaks(text: string): { text: string; changed: boolean } {
  let result = text;
  for (const marker of lineBreakMarkers) result = result.replace(marker, "\n");
  // Each "rn" is a lost CR LF only where no English word can be meant (see cleanTextReport).
  let lastBreakEnd = -1;
  result = result.replace(/rn/g, (match: string, offset: number, whole: string) => {
    const before = offset === lastBreakEnd ? "" : (whole[offset - 1] ?? "");
    const after = whole.slice(offset + 2, offset + 5);
    const standsApart = !/\p{L}/u.test(before);
    const isBreak =
      after.startsWith("rn") || /^[ \t]{3}/.test(after) || (standsApart && /^(?:[A-Z0-9\s]|$)/.test(after));
    if (!isBreak) return match;
    lastBreakEnd = offset + 2;
    return "\n";
  });
  return { text: result, changed: result !== text };
}

const unicodeSpaces = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

function normaliseWhitespace(text: string, multiline: boolean): string {
  let result = text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(unicodeSpaces, " ")
    .replace(invisible, "");
  if (!multiline) return result.replace(/\s+/g, " ").trim();
  result = result
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .join("\n");
  return result.replace(/\n{3,}/g, "\n\n").trim();
}
