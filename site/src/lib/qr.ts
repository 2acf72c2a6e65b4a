// A QR code encoder (ISO/IEC 18004) small enough to read in one sitting, for the
// onboarding wizard's "your booking page" code: byte mode (UTF-8), error
// correction level M, versions 1–10 (up to 213 bytes; a 120-character link
// with a few umlauts fits version 8). No library, no network, no canvas.
// Longer than 250 lines on purpose: one algorithm whose tables and steps read
// top to bottom in the order of the standard.
//
// Coordinates are (x, y) = (column, row) from the top-left corner; grids are
// stored row by row, so module (x, y) is at index y * size + x, and the matrix
// returned is indexed [y][x].

/** The highest version this encoder builds; its level-M capacity is 213 bytes. */
const MAX_VERSION = 10;

/** Level M's block structure for versions 1–10 (ISO 18004 table 9): EC codewords per block, then each block's data codewords. */
const LEVEL_M_BLOCKS: readonly { ecPerBlock: number; dataPerBlock: readonly number[] }[] = [
  { ecPerBlock: 10, dataPerBlock: [16] },
  { ecPerBlock: 16, dataPerBlock: [28] },
  { ecPerBlock: 26, dataPerBlock: [44] },
  { ecPerBlock: 18, dataPerBlock: [32, 32] },
  { ecPerBlock: 24, dataPerBlock: [43, 43] },
  { ecPerBlock: 16, dataPerBlock: [27, 27, 27, 27] },
  { ecPerBlock: 18, dataPerBlock: [31, 31, 31, 31] },
  { ecPerBlock: 22, dataPerBlock: [38, 38, 39, 39] },
  { ecPerBlock: 22, dataPerBlock: [36, 36, 36, 37, 37] },
  { ecPerBlock: 26, dataPerBlock: [43, 43, 43, 43, 44] },
];

/** Row/column centres of the alignment patterns for versions 1–10 (annex E); version 1 has none. */
const ALIGNMENT_CENTRES: readonly (readonly number[])[] = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];

/** Mode indicator of byte mode. */
const BYTE_MODE = 0b0100;
/** Pad codewords, alternating, that fill the data capacity after the message. */
const PAD_CODEWORDS = [0xec, 0x11];
/** Level M in the format information (L = 01, M = 00, Q = 11, H = 10). */
const LEVEL_M_FORMAT = 0b00;
/** BCH(15,5) generator of the format information, x^10 + x^8 + x^5 + x^4 + x^2 + x + 1. */
const FORMAT_GENERATOR = 0x537;
/** XOR mask of the format information, so that it is never all light. */
const FORMAT_XOR = 0x5412;
/** BCH(18,6) generator of the version information (versions 7 and up). */
const VERSION_GENERATOR = 0x1f25;
/** GF(256) reduction polynomial, x^8 + x^4 + x^3 + x^2 + 1. */
const GF_POLYNOMIAL = 0x11d;
/** Penalty weights N1–N4 of the mask evaluation (section 7.8.3). */
const PENALTY_RUN = 3;
const PENALTY_BLOCK = 3;
const PENALTY_FINDER_LIKE = 40;
const PENALTY_BALANCE = 10;
/** Light modules around the symbol that a reader needs. */
const QUIET_ZONE = 4;

/** The eight mask conditions (table 10): a data module at (x, y) is inverted where its mask's condition holds. */
const MASKS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** A symbol under construction: which modules are dark, and which belong to a function pattern (and so are never data nor masked). */
interface Grid {
  size: number;
  dark: boolean[];
  reserved: boolean[];
}

/** The modules of the QR code of `text` (UTF-8, level M, the smallest version that fits), indexed [y][x], true = dark, no quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  const bytes = new TextEncoder().encode(text);
  const version = smallestVersion(bytes.length);
  const unmasked = functionPatterns(version);
  placeCodewords(unmasked, interleavedCodewords(bytes, version));
  let best = masked(unmasked, 0);
  let bestPenalty = penalty(best);
  for (let mask = 1; mask < MASKS.length; mask++) {
    const candidate = masked(unmasked, mask);
    const candidatePenalty = penalty(candidate);
    // Strictly lower: on a tie the lower mask number wins, as in libqrencode.
    if (candidatePenalty < bestPenalty) [best, bestPenalty] = [candidate, candidatePenalty];
  }
  return Array.from({ length: best.size }, (_, y) => best.dark.slice(y * best.size, (y + 1) * best.size));
}

/** An SVG image of the QR code of `text`, with a 4-module quiet zone and `title` as its accessible name; the caller sizes it with CSS. */
export function qrSvg(text: string, title: string): string {
  const matrix = qrMatrix(text);
  const side = matrix.length + 2 * QUIET_ZONE;
  // One rectangle per horizontal run of dark modules: "M4 4h7v1h-7z" is the top edge of the top-left finder.
  const runs: string[] = [];
  matrix.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      const length = x - start + 1;
      runs.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${length}v1h-${length}z`);
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" shape-rendering="crispEdges">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="#000" d="${runs.join("")}"/>` +
    `</svg>`
  );
}

/** The smallest version whose level-M data capacity holds `byteCount` bytes in byte mode; throws a RangeError beyond version 10. */
function smallestVersion(byteCount: number): number {
  for (let version = 1; version <= MAX_VERSION; version++) {
    const headerBits = 4 + characterCountBits(version);
    if (headerBits + 8 * byteCount <= 8 * dataCapacity(version)) return version;
  }
  throw new RangeError(`QR code: ${byteCount} bytes do not fit in version ${MAX_VERSION} at level M`);
}

/** Width of byte mode's character count: 8 bits up to version 9, 16 from version 10. */
function characterCountBits(version: number): number {
  return version <= 9 ? 8 : 16;
}

/** The level-M block structure of `version`. */
function blocksOf(version: number): { ecPerBlock: number; dataPerBlock: readonly number[] } {
  const blocks = LEVEL_M_BLOCKS[version - 1];
  if (!blocks) throw new RangeError(`QR code: no version ${version}`);
  return blocks;
}

/** Data codewords that `version` holds at level M. */
function dataCapacity(version: number): number {
  return blocksOf(version).dataPerBlock.reduce((sum, count) => sum + count, 0);
}

/** Mode, count, the bytes, a terminator of up to 4 zero bits, zero bits to a byte boundary, then pad codewords up to capacity (section 7.4). */
function dataCodewords(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const append = (value: number, width: number): void => {
    for (let i = width - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  append(BYTE_MODE, 4);
  append(bytes.length, characterCountBits(version));
  bytes.forEach((byte) => append(byte, 8));
  const capacityBits = 8 * dataCapacity(version);
  append(0, Math.min(4, capacityBits - bits.length));
  append(0, (8 - (bits.length % 8)) % 8);
  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0));
  for (let i = 0; codewords.length < capacityBits / 8; i++) codewords.push(PAD_CODEWORDS[i % 2] ?? 0);
  return codewords;
}

/** The data split into blocks, each with its Reed–Solomon codewords, interleaved: first data codeword of every block, second, …, then the EC codewords likewise (section 7.6). */
function interleavedCodewords(bytes: Uint8Array, version: number): number[] {
  const { ecPerBlock, dataPerBlock } = blocksOf(version);
  const data = dataCodewords(bytes, version);
  const blocks: number[][] = [];
  let offset = 0;
  for (const count of dataPerBlock) {
    blocks.push(data.slice(offset, offset + count));
    offset += count;
  }
  const ec = blocks.map((block) => reedSolomonRemainder(block, ecPerBlock));
  return [...interleave(blocks), ...interleave(ec)];
}

/** Column-wise reading of blocks of possibly unequal length: [[1, 2], [3, 4, 5]] → [1, 3, 2, 4, 5]. */
function interleave(blocks: readonly number[][]): number[] {
  const longest = Math.max(...blocks.map((block) => block.length));
  const out: number[] = [];
  for (let i = 0; i < longest; i++) for (const block of blocks) if (i < block.length) out.push(block[i] ?? 0);
  return out;
}

/** The product of two elements of GF(256), shift-and-add with reduction by GF_POLYNOMIAL. */
function gfMultiply(a: number, b: number): number {
  let product = 0;
  for (let bit = 7; bit >= 0; bit--) {
    product = (product << 1) ^ ((product >>> 7) * GF_POLYNOMIAL);
    if ((b >>> bit) & 1) product ^= a;
  }
  return product;
}

/** Coefficients, highest first without the leading 1, of the generator (x − α^0)(x − α^1)…(x − α^(degree−1)). */
function reedSolomonGenerator(degree: number): number[] {
  const coefficients = new Array<number>(degree).fill(0);
  coefficients[degree - 1] = 1; // the polynomial "1", stored as the monic x^0 in the last place
  let root = 1;
  for (let i = 0; i < degree; i++) {
    // Multiply by (x + root): shift left one place, then add root times the old coefficients.
    for (let j = 0; j < degree; j++) {
      coefficients[j] = gfMultiply(coefficients[j] ?? 0, root) ^ (coefficients[j + 1] ?? 0);
    }
    root = gfMultiply(root, 2);
  }
  return coefficients;
}

/** The `degree` error-correction codewords of `data`: the remainder of data(x)·x^degree divided by the generator. */
function reedSolomonRemainder(data: readonly number[], degree: number): number[] {
  const generator = reedSolomonGenerator(degree);
  const remainder = new Array<number>(degree).fill(0);
  for (const codeword of data) {
    const factor = codeword ^ (remainder.shift() ?? 0);
    remainder.push(0);
    generator.forEach((coefficient, i) => (remainder[i] = (remainder[i] ?? 0) ^ gfMultiply(coefficient, factor)));
  }
  return remainder;
}

/** The remainder of `value` divided by `generator` as polynomials over GF(2), the check bits of a BCH code. */
function bchRemainder(value: number, generator: number): number {
  const degree = bitLength(generator) - 1;
  let remainder = value;
  while (bitLength(remainder) > degree) remainder ^= generator << (bitLength(remainder) - 1 - degree);
  return remainder;
}

/** Number of bits up to the highest set bit: 0x537 → 11. */
function bitLength(value: number): number {
  return 32 - Math.clz32(value);
}

/** An empty symbol of `version` with its finder, separator, timing and alignment patterns, the dark module, version information, and the format areas reserved. */
function functionPatterns(version: number): Grid {
  const size = 17 + 4 * version;
  const grid: Grid = { size, dark: new Array<boolean>(size * size).fill(false), reserved: new Array<boolean>(size * size).fill(false) };
  for (let i = 0; i < size; i++) {
    setFunction(grid, 6, i, i % 2 === 0);
    setFunction(grid, i, 6, i % 2 === 0);
  }
  for (const [x, y] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    drawSquares(grid, x, y, 4, (ring) => ring !== 2 && ring !== 4); // the finder and its light separator
  }
  const centres = ALIGNMENT_CENTRES[version - 1] ?? [];
  const last = centres.length - 1;
  centres.forEach((y, row) =>
    centres.forEach((x, column) => {
      const onFinder = (row === 0 && column === 0) || (row === 0 && column === last) || (row === last && column === 0);
      if (!onFinder) drawSquares(grid, x, y, 2, (ring) => ring !== 1);
    }),
  );
  drawFormatBits(grid, 0); // reserves the areas; each mask draws its own bits
  if (version >= 7) drawVersionBits(grid, version);
  setFunction(grid, 8, size - 8, true); // the dark module
  return grid;
}

/** Concentric squares around (cx, cy) out to `radius`, clipped to the symbol; `isDark(ring)` colours ring 0 (the centre), 1, 2, …. */
function drawSquares(grid: Grid, cx: number, cy: number, radius: number, isDark: (ring: number) => boolean): void {
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const [x, y] = [cx + dx, cy + dy];
      if (x >= 0 && x < grid.size && y >= 0 && y < grid.size) setFunction(grid, x, y, isDark(Math.max(Math.abs(dx), Math.abs(dy))));
    }
  }
}

/** Sets a module of a function pattern. */
function setFunction(grid: Grid, x: number, y: number, dark: boolean): void {
  grid.dark[y * grid.size + x] = dark;
  grid.reserved[y * grid.size + x] = true;
}

/** Both copies of the format bits; bit 0 (the least significant) sits at (8, 0) and at (size − 1, 8) (figure 25). */
function drawFormatBits(grid: Grid, mask: number): void {
  const bits = formatBits(mask);
  const size = grid.size;
  formatPositions(size).forEach(([first, second], i) => {
    const dark = ((bits >>> i) & 1) === 1;
    setFunction(grid, first[0], first[1], dark);
    setFunction(grid, second[0], second[1], dark);
  });
}

/** The 15 format bits for level M and `mask`: 5 data bits, 10 BCH bits, XOR-masked (section 7.9). */
function formatBits(mask: number): number {
  const data = (LEVEL_M_FORMAT << 3) | mask;
  return ((data << 10) | bchRemainder(data << 10, FORMAT_GENERATOR)) ^ FORMAT_XOR;
}

/** For each format bit 0–14, its (x, y) beside the top-left finder and its (x, y) beside the other two. */
function formatPositions(size: number): [[number, number], [number, number]][] {
  return Array.from({ length: 15 }, (_, i) => {
    // Around the top-left finder: down column 8 (skipping the timing row 6), then left along row 8 (skipping column 6).
    const first: [number, number] = i < 6 ? [8, i] : i < 8 ? [8, i + 1] : i === 8 ? [7, 8] : [14 - i, 8];
    // Right to left under the top-right finder, then down column 8 beside the bottom-left finder.
    const second: [number, number] = i < 8 ? [size - 1 - i, 8] : [8, size - 15 + i];
    return [first, second];
  });
}

/** Both 6×3 copies of the 18 version bits (versions 7 and up): bit i at (size − 11 + i % 3, ⌊i / 3⌋) and transposed (section 7.10). */
function drawVersionBits(grid: Grid, version: number): void {
  const bits = (version << 12) | bchRemainder(version << 12, VERSION_GENERATOR);
  for (let i = 0; i < 18; i++) {
    const dark = ((bits >>> i) & 1) === 1;
    const [a, b] = [grid.size - 11 + (i % 3), Math.floor(i / 3)];
    setFunction(grid, a, b, dark);
    setFunction(grid, b, a, dark);
  }
}

/** Writes the codewords' bits, most significant first, in two-column zigzags from the bottom-right corner, skipping function modules and the timing column (section 7.7.3); remainder bits stay light. */
function placeCodewords(grid: Grid, codewords: readonly number[]): void {
  const size = grid.size;
  let bit = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5; // column 6 is the vertical timing pattern; the pairs to its left shift by one
    const upward = ((right + 1) & 2) === 0; // the first pair (right = size − 1) runs up, then they alternate
    for (let step = 0; step < size; step++) {
      const y = upward ? size - 1 - step : step;
      for (const x of [right, right - 1]) {
        if (grid.reserved[y * size + x] || bit >= codewords.length * 8) continue;
        grid.dark[y * size + x] = (((codewords[bit >>> 3] ?? 0) >>> (7 - (bit & 7))) & 1) === 1;
        bit++;
      }
    }
  }
}

/** A copy of `grid` with the data modules inverted under `mask` and the format bits for it drawn. */
function masked(grid: Grid, mask: number): Grid {
  const condition = MASKS[mask] ?? (() => false);
  const copy: Grid = { size: grid.size, dark: [...grid.dark], reserved: grid.reserved };
  for (let y = 0; y < grid.size; y++) {
    for (let x = 0; x < grid.size; x++) {
      const i = y * grid.size + x;
      if (!grid.reserved[i] && condition(x, y)) copy.dark[i] = !copy.dark[i];
    }
  }
  drawFormatBits(copy, mask);
  return copy;
}

/** The mask penalty (section 7.8.3): long runs and finder-like patterns in every row and column, 2×2 blocks of one colour, and the dark share's distance from 50 %. */
function penalty(grid: Grid): number {
  const { size, dark } = grid;
  const at = (x: number, y: number): boolean => dark[y * size + x] === true;
  let score = 0;
  for (let i = 0; i < size; i++) {
    score += linePenalty(Array.from({ length: size }, (_, x) => at(x, i)));
    score += linePenalty(Array.from({ length: size }, (_, y) => at(i, y)));
  }
  for (let y = 0; y + 1 < size; y++) {
    for (let x = 0; x + 1 < size; x++) {
      const colour = at(x, y);
      if (at(x + 1, y) === colour && at(x, y + 1) === colour && at(x + 1, y + 1) === colour) score += PENALTY_BLOCK;
    }
  }
  const total = size * size;
  const darkCount = dark.filter(Boolean).length;
  // The dark share in whole percent, rounded half up, then every full 5 points away from 50 costs N4 once:
  // 54.72 % → 55 % → 1 step. The standard's "50 ± 5k %" bands leave the rounding open; this is libqrencode's reading.
  const percent = Math.floor((200 * darkCount + total) / (2 * total));
  return score + Math.floor(Math.abs(percent - 50) / 5) * PENALTY_BALANCE;
}

/** Penalties N1 and N3 of one row or column. */
function linePenalty(line: readonly boolean[]): number {
  const runs = runLengths(line);
  let score = 0;
  runs.forEach((length, i) => {
    if (length >= 5) score += PENALTY_RUN + (length - 5);
    if (i % 2 === 1 && isFinderLike(runs, i)) score += PENALTY_FINDER_LIKE;
  });
  return score;
}

/** Lengths of the alternating runs of `line`, starting with a light run that may be empty: [light, dark, light, …]. */
function runLengths(line: readonly boolean[]): number[] {
  const runs = [0];
  let colour = false;
  for (const module of line) {
    if (module !== colour) {
      runs.push(0);
      colour = module;
    }
    runs[runs.length - 1] = (runs[runs.length - 1] ?? 0) + 1;
  }
  return runs;
}

/**
 * Whether the dark run `i` is the centre of a dark–light–dark–light–dark run of
 * ratio 1:1:3:1:1 (any scale n), with 4n light modules on at least one side.
 * A light run that reaches the edge counts as wide enough, since the quiet zone
 * continues it. Counted once even when both sides qualify, as libqrencode
 * (the reference the tests compare with) does.
 */
function isFinderLike(runs: readonly number[], i: number): boolean {
  const centre = runs[i] ?? 0;
  if (i < 3 || i + 2 >= runs.length || centre % 3 !== 0) return false;
  const n = centre / 3;
  if (![runs[i - 2], runs[i - 1], runs[i + 1], runs[i + 2]].every((length) => length === n)) return false;
  const lightBefore = i === 3 || (runs[i - 3] ?? 0) >= 4 * n;
  const lightAfter = i + 3 >= runs.length - 1 || (runs[i + 3] ?? 0) >= 4 * n;
  return lightBefore || lightAfter;
}

/** `value` with &, <, > and " escaped for XML text and attributes. */
function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
