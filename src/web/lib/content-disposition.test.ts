import { describe, expect, it } from 'vitest';
import { attachmentFilename } from './content-disposition';

describe('attachmentFilename', () => {
  it('prefers the UTF-8 name, then the ASCII one, then the fallback', () => {
    expect(
      attachmentFilename(
        `attachment; filename="____-___ 2025.pdf"; filename*=UTF-8''%D0%AB%D1%81%D1%8B%D0%BA-%D0%9A%D3%A9%D0%BB%202025.pdf`,
        'x',
      ),
    ).toBe('Ысык-Көл 2025.pdf');
    expect(attachmentFilename('attachment; filename="kuzot-MIA-2024-03.xlsx"', 'x')).toBe(
      'kuzot-MIA-2024-03.xlsx',
    );
    expect(attachmentFilename(`attachment; filename="a.csv"; filename*=UTF-8''%E0%A4%A`, 'x')).toBe('a.csv');
    expect(attachmentFilename(null, 'download')).toBe('download');
  });
});
