import { DomainError, parseCsv } from "@steward/domain";

export interface FileText {
  text: string;
  /** Spreadsheets save "CSV" in Windows-1252 unless asked for UTF-8: such a file is read as that. */
  encoding: "utf-8" | "windows-1252";
}

/** Reads a file as text in pieces, reporting the share read so far (0–1) for a progress bar. */
export async function readFileText(file: File, onProgress: (fraction: number) => void): Promise<FileText> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const pieces: string[] = [];
  let bytesRead = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytesRead += value.byteLength;
      pieces.push(decoder.decode(value, { stream: true }));
      onProgress(file.size > 0 ? bytesRead / file.size : 1);
    }
    pieces.push(decoder.decode());
    return { text: pieces.join(""), encoding: "utf-8" };
  } catch (error) {
    // Not UTF-8 (TextDecoder throws a TypeError on the first invalid byte): read it again as Windows-1252.
    if (!(error instanceof TypeError)) throw error;
    await reader.cancel().catch(() => undefined);
    const bytes = await file.arrayBuffer();
    onProgress(1);
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/**
 * Where the record that reaches `target` ends, scanning from `start` (the start of a record) with parseCsv's
 * quoting rules: a quote opens a quoted value only at the start of a field, and "" inside one is a quote.
 */
function recordEnd(text: string, start: number, target: number): number {
  let index = start;
  let atFieldStart = true;
  while (index < text.length) {
    const char = text[index];
    if (char === '"' && atFieldStart) {
      index += 1;
      for (;;) {
        const close = text.indexOf('"', index);
        if (close === -1) return text.length;
        if (text[close + 1] === '"') {
          index = close + 2;
          continue;
        }
        index = close + 1;
        break;
      }
      atFieldStart = false;
      continue;
    }
    if (char === "\r" || char === "\n") {
      index += char === "\r" && text[index + 1] === "\n" ? 2 : 1;
      if (index >= target) return index;
      atFieldStart = true;
      continue;
    }
    atFieldStart = char === ",";
    index += 1;
  }
  return text.length;
}

const chunkCharacters = 512 * 1024;

/**
 * parseCsv over a large file without freezing the page: the text is cut at record boundaries into pieces
 * of about half a megabyte, each parsed in its own task, reporting the share done. Records are the same as
 * one parseCsv call gives (record numbers stay spreadsheet row numbers).
 */
export async function parseCsvInChunks(
  text: string,
  onProgress: (fraction: number) => void,
): Promise<string[][]> {
  const records: string[][] = [];
  let start = 0;
  try {
    while (start < text.length) {
      const end = recordEnd(text, start, start + chunkCharacters);
      records.push(...parseCsv(text.slice(start, end)));
      start = end;
      onProgress(text.length > 0 ? start / text.length : 1);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // The message names a line counted from the start of the piece: parse it whole for the file's line.
    parseCsv(text);
    throw error;
  }
  onProgress(1);
  return records;
}
