import { Box } from '@mantine/core';

type BrandMarkProps = { size?: number; inverted?: boolean };

/** The Kuzot mark: a watchful eye in a rounded square (decorative; the name is always written beside it). */
export function BrandMark({ size = 32, inverted = false }: BrandMarkProps) {
  const background = inverted ? 'white' : 'var(--mantine-color-blue-7)';
  const stroke = inverted ? 'var(--mantine-color-blue-7)' : 'white';
  return (
    <Box component="span" display="inline-flex" aria-hidden>
      <svg width={size} height={size} viewBox="0 0 32 32" role="presentation">
        <rect width="32" height="32" rx="7" fill={background} />
        <path
          d="M6 16c3-5 7-7.5 10-7.5S23 11 26 16c-3 5-7 7.5-10 7.5S9 21 6 16z"
          fill="none"
          stroke={stroke}
          strokeWidth="2.2"
        />
        <circle cx="16" cy="16" r="3.6" fill={stroke} />
      </svg>
    </Box>
  );
}
