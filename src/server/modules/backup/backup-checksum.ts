import { createHash } from 'node:crypto';

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/**
 * The checksum of a table, computed on this side from the row texts. It equals what the repository's
 * `tableStats` computes in SQL: md5 of the sorted md5s of every row text, joined by "|" (md5 of "" for an
 * empty table). Hashing each row first keeps memory at 33 bytes a row and stays under PostgreSQL's 1 GB
 * value limit however large the table; sorting makes it independent of row order.
 */
export type TableChecksum = { add(rowText: string): void; readonly rowCount: number; digest(): string };

/** Starts an empty checksum. */
export function createTableChecksum(): TableChecksum {
  const hashes: string[] = [];
  return {
    add(rowText) {
      hashes.push(md5(rowText));
    },
    get rowCount() {
      return hashes.length;
    },
    digest() {
      // Hex digests are ASCII, so the default sort matches SQL's ORDER BY … COLLATE "C".
      return md5([...hashes].sort().join('|'));
    },
  };
}
