/**
 * The file name of an attachment from its Content-Disposition: the UTF-8 `filename*` the server sends
 * (http/file-transfer.ts: "Бишкек-2025.pdf" keeps its letters) when present, else the ASCII `filename`.
 */
export function attachmentFilename(disposition: string | null, fallback: string): string {
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed encoding: the ASCII name below will do.
    }
  }
  return /filename\s*=\s*"([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}
