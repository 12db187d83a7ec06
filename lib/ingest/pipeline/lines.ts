// Line splitting for the JSON-lines readers: text arrives in chunks of any size, so a line may span chunks.

/** Hands each complete line of `text` (without its "\n") to `each`, in order; returns the text after the last "\n". */
export function eachCompleteLine(text: string, each: (line: string) => void): string {
  let start = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    if (nl === -1) return text.slice(start);
    each(text.slice(start, nl));
    start = nl + 1;
  }
}
