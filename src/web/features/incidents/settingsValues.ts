/** "12, 2" (commas, semicolons or spaces) → [12, 2]; null when empty or a part is not a whole number. The server checks the range. */
export function parseHours(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  return parts.map(Number);
}
