/** A contains-pattern for ILIKE with the user's text taken literally (%, _ and \ escaped). */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
