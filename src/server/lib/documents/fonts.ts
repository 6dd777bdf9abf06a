import fs from 'node:fs';
import path from 'node:path';

/**
 * The fonts of the documents we render. DejaVu Sans covers Cyrillic and the Kyrgyz letters ң ө ү (Ң Ө Ү),
 * which the PDF standard fonts lack. It is the Debian package fonts-dejavu-core (installed by .ci/run; on a
 * server: `apt-get install fonts-dejavu-core`), read from its usual place.
 */
export const defaultFontDirectory = '/usr/share/fonts/truetype/dejavu';

export type DocumentFonts = { regular: string; bold: string };

/** The font files in a directory, or a clear error naming the package when they are missing. */
export function documentFonts(directory = defaultFontDirectory): DocumentFonts {
  const fonts = {
    regular: path.join(directory, 'DejaVuSans.ttf'),
    bold: path.join(directory, 'DejaVuSans-Bold.ttf'),
  };
  for (const file of Object.values(fonts))
    if (!fs.existsSync(file))
      throw new Error(
        `The font ${file} is missing: install the package fonts-dejavu-core to render documents.`,
      );
  return fonts;
}
