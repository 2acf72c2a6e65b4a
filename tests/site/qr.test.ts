// The QR code encoder behind the onboarding wizard's booking-page code
// (site/src/lib/qr.ts). The reference matrices come from qrencode 4.1.1
// (`qrencode -l M -8 -m 0 -t ASCII`, text on stdin); while these tests were
// written, every one also matched qrMatrix module for module and the encoder's
// SVG decoded back to the exact text with zbarimg 0.23.92. Neither tool is
// needed to run the tests.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { qrMatrix, qrSvg } from "../../site/src/lib/qr.js";

/** qrencode's matrix of "https://solocoach.app" (21 bytes): version 2, mask 2. */
const SHORT_URL_V2 = [
  "#######.....##....#######",
  "#.....#....#####..#.....#",
  "#.###.#.#..#...#..#.###.#",
  "#.###.#.#..####...#.###.#",
  "#.###.#.###.#...#.#.###.#",
  "#.....#.#...#..##.#.....#",
  "#######.#.#.#.#.#.#######",
  "........#...#.#..........",
  "#.#####...######..#####..",
  "#.#.#...#.##..#.#..#...#.",
  "##...##..####..###.###.##",
  ".###.#.##.#....#.#......#",
  "#.....##..#.####.####.###",
  "#.#.##.####...#.#..#.#.#.",
  "#..#..####.##..###.###.##",
  "#.###..#...#....#.###...#",
  "#.###.######....#####.#..",
  "........#...##.##...##...",
  "#######..##..##.#.#.#.###",
  "#.....#.#...##..#...##.##",
  "#.###.#.##..#.#######.###",
  "#.###.#.#.#.....###.#####",
  "#.###.#.#.###..#.....##.#",
  "#.....#...##..####.###..#",
  "#######.#..#.....#.######",
];

/** qrencode's matrix of "https://solocoach.app/de/jorg-muller-ludenscheidt" (49 bytes): version 4, mask 2. */
const PLAIN_URL_V4 = [
  "#######..####.....##...#..#######",
  "#.....#..#.##..##.#..#....#.....#",
  "#.###.#.#####.#.#....#.##.#.###.#",
  "#.###.#.###.#..#..#...#.#.#.###.#",
  "#.###.#.##.#.#####..#..#..#.###.#",
  "#.....#.##.#..#..#.#..#...#.....#",
  "#######.#.#.#.#.#.#.#.#.#.#######",
  "........#.###.#.#..######........",
  "#.#####...#####..#.##.#.#.#####..",
  "#.##.#....#.##..######.#..##.##.#",
  ".####.#.##..####.#...##..#..#.##.",
  ".#.##...##...#...##..###.#..###..",
  "...##.#..#..#.###...#.####..##.##",
  "...##......#.#.#..#..#.#..#..#.##",
  "##..#####...#.###...##...###..##.",
  "..#.#...#.#.#..#..#..######.###..",
  "#...####..####.###..#.#.##.##...#",
  "....#...##..#...#.###..#.###.##.#",
  "...####...###..##.#.##..##.##.##.",
  ".#...#...#.####.#....##....#####.",
  "..###.#.###...#...#...##.#.###.#.",
  "#####..#.....####...##.#..#..##.#",
  "#.#..##..####......#....#....###.",
  "#.##.#.#.#...##.#..#####.##.####.",
  "#.#...##.#.##.#..###..########...",
  "........#.###...######..#...#.###",
  "#######.....#.##.#...####.#.#.##.",
  "#.....#.###.#....#####.##...####.",
  "#.###.#.#.##.#..#..#..#.######.##",
  "#.###.#.#....#.#.##...##.#..#.###",
  "#.###.#.#..##.####...#.#..##.....",
  "#.....#...####.#....##...#..#.#..",
  "#######.########.#.....###.#...#.",
];

/** qrencode's matrix of "https://solocoach.app/de/jörg-müller-lüdenscheid/kurse/ernährung-für-läufer?ort=Lüdenscheid-Süd&ziel=größere-ausdauer" (127 bytes): version 8, mask 2. */
const UMLAUT_URL_V8 = [
  "#######...##..#.###.#.########..#.#..#..#.#######",
  "#.....#...#.##..#....#.#....#.####.#.####.#.....#",
  "#.###.#.###.#..#........##.###..##.....##.#.###.#",
  "#.###.#.#.##.####....###..##.#.#..####.#..#.###.#",
  "#.###.#.#..##....####.######.###...###....#.###.#",
  "#.....#.#.#####..##.#.#...#.....#####.#...#.....#",
  "#######.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#######",
  "........#.#.#..#.######...#.#.###..#..#.#........",
  "#.#####..#..#..#.##..######....#...##...#.#####..",
  ".#...#.###..#..#.#.##.#..#.#####...#.#...###.....",
  ".#....##...#.#.####.##.#.###...#..#...#..#...#.##",
  ".#.#...#..#.#.######.#...#..###.#.#..###...##..##",
  "#.#.#.#..##.#####.##..####.##.#..#####..#.....##.",
  "#..##...#.#..####.#..#.###..#.#....###.#..#.#..#.",
  "#.###.#.#..###.#..##...##.##......#.#..#.......##",
  ".#.##..#.###.........#...#....##.#.###...##.#...#",
  "#.#..###..#..##...###..##.##.##.....##.#####..#..",
  ".#..#..#....##..#...##.###....##.#.###...##......",
  "..###.#..#.##......##.##.###.##.....#.#.#..#.#.##",
  ".###....#....#.#..#..##....####.###..###.#.##..#.",
  "##.####..#..#.#...#.#.####....##.#.##..###....##.",
  "..###..###..#..#####.#.##..#.###.#..##...####.#..",
  ".########...###.##.#..#####.#..#.####.#.######...",
  "##.##...##...####.###.#...#.##..##...#..#...#.##.",
  "##.##.#.#.#.#.##..#.#.#.#.#....#.#####.##.#.##..#",
  ".##.#...#..###....##.##...##.#.##..#.#.##...#....",
  "#...########.##.###...#######.###.##..#######...#",
  "..#.......#####....##.##.#.#.#.###...##.#........",
  "#...#.##..#.#..#.##..####...####..###..#.##.###.#",
  "##.#...#..###.....#####.#.#####....#.#######.#...",
  "#.##.#####..#.####..#.####.####..###...#####.####",
  "#..#...#..#.##.#.#.##...#.##.#....#.##..##.##..#.",
  "....#.##..##.#..###...#..##.#..#####.#.#.#.#####.",
  ".#..##.#......#.#..##..##.####..#.#..#...#.#...##",
  "###.######...#....#.######..#.####.#.###..##.#...",
  "####.#.###.#.##.###.......#.###.#.#..##.#..#...#.",
  ".....##.##..#.##.##.###...######.#########..#.#.#",
  "#...##..########.#...#..#.#.#.#.....##.....#.#..#",
  ".#...###....#.#...#.#.##.#.#....####..#####...##.",
  ".###....#######.###....##.###.#.##....#.##.####.#",
  "###...#..#.##..#.#..#.#####..#....#.##.######.##.",
  "........#.#####..#.#.##...##...#....##..#...#..#.",
  "#######......##...#..##.#.#....#.####.#.#.#.#####",
  "#.....#.####..##..#####...###.####......#...#..##",
  "#.###.#.#..####...##..#####..#.#..#####.#########",
  "#.###.#.#...#####.#...#..##.##.#...#..####.##..#.",
  "#.###.#.####.#..##.#....#.#.#.#..##.###..#.#...##",
  "#.....#..#####...##...##.##...##.#..#...###..#..#",
  "#######.#.#.....#.###..##..#.##.....#.##.#...####",
];

/** One link per version 1–10 (the 122-byte one fills version 7 exactly), with qrencode's mask and the SHA-256 of its rows in the fixtures' notation, joined by newlines. */
const BY_VERSION = [
  { version: 1, mask: 3, text: "solocoach.app", sha256: "058db1f9e7a3d57961335bbf2bb8774d6a979452fffaab18aebccf5f18c5f7d5" },
  { version: 2, mask: 2, text: "https://solocoach.app", sha256: "6d170cd2efa0987740fe39c228f0bde2e244342da741987f3ad9fa78d8c22060" },
  { version: 3, mask: 0, text: "http://127.0.0.1:5000/anna-berg", sha256: "458905ee49887658ac1c94f76277d2e46e3fc566cca624406f06e4be7121651a" },
  {
    version: 4,
    mask: 2,
    text: "https://solocoach.app/de/jorg-muller-ludenscheidt",
    sha256: "26127e01a25d26476c950557556e275f3cb47429926a0440bfb3e11f06cb5fae",
  },
  {
    version: 5,
    mask: 2,
    text: "https://solocoach.app/en/anna-berg-personal-training-berlin-mitte",
    sha256: "5458eca10b6adf94e0070a184fcd989bfbac05bad3d7affc3ed5f8d62f01be71",
  },
  {
    version: 6,
    mask: 3,
    text: "https://solocoach.app/en/anna-berg-personal-training-berlin-mitte?offering=first-session-60-min",
    sha256: "2e0bf58fbf794126dd751c92a95b75cc06c0403338c60b54cf18ea72da4f1668",
  },
  {
    version: 7,
    mask: 2,
    text: "https://solocoach.app/de/jörg-müller-lüdenscheid/kurse/ernährung-für-läufer?ort=Lüdenscheid-Süd&thema=höhenläufe",
    sha256: "deac16effe1713f2f9140e4aba4a0d43eb68fc8d12118ee63b741addef778e3f",
  },
  {
    version: 8,
    mask: 2,
    text: "https://solocoach.app/de/jörg-müller-lüdenscheid/kurse/ernährung-für-läufer?ort=Lüdenscheid-Süd&ziel=größere-ausdauer",
    sha256: "161734c25853ce1991ca7f1d62ffe320817a832d3c9d02411f1b4c4cdf816c40",
  },
  {
    version: 9,
    mask: 2,
    text: "https://solocoach.app/de/jörg-müller-lüdenscheid/kurse/ernährung-für-läufer?ort=Lüdenscheid-Süd&ziel=größere-ausdauer&utm_source=onboarding&utm_medium=qr",
    sha256: "b06282e40f998b1cb150858788fc39f51ecc6d7c0cd75a948e29d7b83cc5810a",
  },
  {
    version: 10,
    mask: 2,
    text: "https://solocoach.app/de/jörg-müller-lüdenscheid/kurse/ernährung-für-läufer?ort=Lüdenscheid-Süd&ziel=größere-ausdauer&utm_source=onboarding&utm_medium=qr&utm_campaign=frühling-2026&ref=wizard",
    sha256: "5af31be8af67b3d9c71371396fda911e719dbaadfe27bda8018c955bf53e2b07",
  },
];

/** The valid level-M format words for masks 0–7 (ISO/IEC 18004 table C.1). */
const LEVEL_M_FORMAT_WORDS = [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0];

/** The version information words of versions 7–10 (ISO/IEC 18004 table D.1). */
const VERSION_WORDS: Record<number, number> = { 7: 0x07c94, 8: 0x085bc, 9: 0x09a99, 10: 0x0a4d3 };

/** A matrix in the fixtures' notation: '#' dark, '.' light. */
function rows(matrix: boolean[][]): string[] {
  return matrix.map((row) => row.map((dark) => (dark ? "#" : ".")).join(""));
}

/** Whether module (x, y) is dark. */
function at(matrix: boolean[][], x: number, y: number): boolean {
  return matrix[y]?.[x] === true;
}

/** The symbol's version, from its size 17 + 4·version. */
function versionOf(matrix: boolean[][]): number {
  return (matrix.length - 17) / 4;
}

/** Reads a word, bit 0 first, from the modules at `positions`. */
function readBits(matrix: boolean[][], positions: [number, number][]): number {
  return positions.reduce((word, [x, y], bit) => (at(matrix, x, y) ? word | (1 << bit) : word), 0);
}

/** Both copies of the 15 format bits (figure 25): down column 8 and left along row 8 by the top-left finder; along row 8 by the top-right finder, then down column 8 by the bottom-left one. */
function formatWords(matrix: boolean[][]): [number, number] {
  const size = matrix.length;
  const bits = Array.from({ length: 15 }, (_, i) => i);
  const first = bits.map((i): [number, number] => (i < 6 ? [8, i] : i < 8 ? [8, i + 1] : i === 8 ? [7, 8] : [14 - i, 8]));
  const second = bits.map((i): [number, number] => (i < 8 ? [size - 1 - i, 8] : [8, size - 15 + i]));
  return [readBits(matrix, first), readBits(matrix, second)];
}

/** Level and mask of a format word: unmask with 0x5412, then the top two bits are the level (00 = M), the next three the mask. */
function decodeFormat(word: number): { level: string; mask: number } {
  const data = (word ^ 0x5412) >> 10;
  return { level: ["M", "L", "H", "Q"][data >> 3] ?? "?", mask: data & 7 };
}

/** Both 6×3 copies of the 18 version bits: bit i at (size − 11 + i % 3, ⌊i / 3⌋) and transposed. */
function versionWords(matrix: boolean[][]): [number, number] {
  const size = matrix.length;
  const topRight = Array.from({ length: 18 }, (_, i): [number, number] => [size - 11 + (i % 3), Math.floor(i / 3)]);
  const bottomLeft = topRight.map(([x, y]): [number, number] => [y, x]);
  return [readBits(matrix, topRight), readBits(matrix, bottomLeft)];
}

/** The 7×7 finder pattern: a dark ring, a light ring, a dark 3×3 core. */
const FINDER = ["#######", "#.....#", "#.###.#", "#.###.#", "#.###.#", "#.....#", "#######"];

/** The side × side square of `matrix` whose top-left module is (x, y), in the fixtures' notation. */
function square(matrix: boolean[][], x: number, y: number, side: number): string[] {
  return rows(matrix.slice(y, y + side).map((row) => row.slice(x, x + side)));
}

const sha256 = (lines: string[]): string => createHash("sha256").update(lines.join("\n")).digest("hex");

describe("qrMatrix against qrencode", () => {
  it("builds qrencode's matrix for a short link (version 2, one block, one alignment pattern)", () => {
    expect(rows(qrMatrix("https://solocoach.app"))).toEqual(SHORT_URL_V2);
  });

  it("builds qrencode's matrix for a 49-character booking link (version 4, two interleaved blocks)", () => {
    expect(rows(qrMatrix("https://solocoach.app/de/jorg-muller-ludenscheidt"))).toEqual(PLAIN_URL_V4);
  });

  it("builds qrencode's matrix for a 117-character link with umlauts as UTF-8 (127 bytes: version 8, blocks of 38 and 39 codewords, version information)", () => {
    const text = "https://solocoach.app/de/jörg-müller-lüdenscheid/kurse/ernährung-für-läufer?ort=Lüdenscheid-Süd&ziel=größere-ausdauer";
    expect(rows(qrMatrix(text))).toEqual(UMLAUT_URL_V8);
  });

  it.each(BY_VERSION)("builds qrencode's matrix at version $version (mask $mask)", ({ text, version, sha256: expected }) => {
    const matrix = qrMatrix(text);
    expect(versionOf(matrix)).toBe(version);
    expect(sha256(rows(matrix))).toBe(expected);
  });
});

describe("qrMatrix's mask choice where penalty readings differ", () => {
  it("breaks a tie toward the lower mask: masks 2 and 5 both score 1243, mask 2 is taken", () => {
    const matrix = qrMatrix("https://solocoach.app/en/lena-schulz-yoga");
    expect(decodeFormat(formatWords(matrix)[0])).toEqual({ level: "M", mask: 2 });
    expect(sha256(rows(matrix))).toBe("2e4a11ac4bf15c9ec66b556e3e65270bcc6900909cda52ec648147b5b9c4819d");
  });

  it("rounds the dark share to whole percent before counting 5 % steps: mask 3's 54.72 % is 55 %, one step, so mask 2 wins by 5", () => {
    const matrix = qrMatrix("pOOI4/OONBogBH.JhzZäHö");
    expect(decodeFormat(formatWords(matrix)[0])).toEqual({ level: "M", mask: 2 });
    expect(sha256(rows(matrix))).toBe("c3e1d9516de8da6a593e7a190b63f24b254dbf57aaff12d7b1aac021f6cdd716");
  });
});

describe("qrMatrix's structure", () => {
  const texts = ["", "A", ...BY_VERSION.map(({ text }) => text), "x".repeat(213)];

  it.each(texts.map((text) => ({ text, bytes: new TextEncoder().encode(text).length })))(
    "has the function patterns of its version ($bytes bytes)",
    ({ text }) => {
      const matrix = qrMatrix(text);
      const size = matrix.length;
      const version = versionOf(matrix);
      expect(Number.isInteger(version) && version >= 1 && version <= 10).toBe(true);
      expect(matrix.every((row) => row.length === size)).toBe(true);

      // Finders in three corners, each with a light separator on its inner sides.
      expect(square(matrix, 0, 0, 7)).toEqual(FINDER);
      expect(square(matrix, size - 7, 0, 7)).toEqual(FINDER);
      expect(square(matrix, 0, size - 7, 7)).toEqual(FINDER);
      const separators: [number, number][] = [];
      for (let i = 0; i < 8; i++) separators.push([7, i], [i, 7], [size - 8, i], [size - 1 - i, 7], [7, size - 1 - i], [i, size - 8]);
      expect(separators.filter(([x, y]) => at(matrix, x, y))).toEqual([]);

      // Timing patterns between the finders: dark on even coordinates.
      for (let i = 8; i < size - 8; i++) {
        expect(at(matrix, i, 6)).toBe(i % 2 === 0);
        expect(at(matrix, 6, i)).toBe(i % 2 === 0);
      }

      // The dark module beside the bottom-left finder.
      expect(at(matrix, 8, 4 * version + 9)).toBe(true);

      // From version 2, an alignment pattern centred 7 modules in from the bottom-right corner.
      if (version >= 2) expect(square(matrix, size - 9, size - 9, 5)).toEqual(["#####", "#...#", "#.#.#", "#...#", "#####"]);

      // Both copies of the format information agree and are a valid level-M word.
      const [first, second] = formatWords(matrix);
      expect(second).toBe(first);
      expect(LEVEL_M_FORMAT_WORDS).toContain(first);
      expect(decodeFormat(first).level).toBe("M");

      // From version 7, both copies of the version information.
      if (version >= 7) expect(versionWords(matrix)).toEqual([VERSION_WORDS[version], VERSION_WORDS[version]]);
    },
  );

  it.each(BY_VERSION)("records the mask it chose in the format information (version $version: mask $mask)", ({ text, mask }) => {
    const [first] = formatWords(qrMatrix(text));
    expect(decodeFormat(first)).toEqual({ level: "M", mask });
  });

  it("takes the smallest version that fits: 14 bytes in version 1, 15 in version 2, 213 in version 10", () => {
    expect(versionOf(qrMatrix("x".repeat(14)))).toBe(1);
    expect(versionOf(qrMatrix("x".repeat(15)))).toBe(2);
    expect(versionOf(qrMatrix("x".repeat(213)))).toBe(10);
  });

  it("counts UTF-8 bytes, not characters: 7 umlauts are 14 bytes (version 1), 8 are 16 (version 2)", () => {
    expect(versionOf(qrMatrix("ü".repeat(7)))).toBe(1);
    expect(versionOf(qrMatrix("ü".repeat(8)))).toBe(2);
  });

  it("refuses a text beyond version 10 with a RangeError: 214 bytes, or 107 umlauts", () => {
    expect(() => qrMatrix("x".repeat(214))).toThrow(RangeError);
    expect(() => qrMatrix("ü".repeat(107))).toThrow(RangeError);
  });
});

describe("qrSvg", () => {
  const text = "http://127.0.0.1:5000/anna-berg";
  const svg = qrSvg(text, 'QR code of "Anna & Berg" <booking>');
  const size = qrMatrix(text).length;

  it("is an image named by its escaped title", () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*>/);
    expect(svg).toContain("<title>QR code of &quot;Anna &amp; Berg&quot; &lt;booking&gt;</title>");
  });

  it("has a viewBox with a 4-module quiet zone, crisp edges, no size of its own and nothing external", () => {
    expect(svg).toContain(`viewBox="0 0 ${size + 8} ${size + 8}"`);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(svg).toContain(`<rect width="${size + 8}" height="${size + 8}" fill="#fff"/>`);
    expect(svg).not.toMatch(/<svg [^>]*(width|height)=/);
    expect(svg).not.toMatch(/href|url\(/);
  });

  it("draws exactly the dark modules, shifted by the quiet zone, in one black path", () => {
    expect(svg.match(/<path /g)).toHaveLength(1);
    const d = /<path fill="#000" d="([^"]*)"\/>/.exec(svg)?.[1] ?? "";
    const drawn = Array.from({ length: size + 8 }, () => new Array<boolean>(size + 8).fill(false));
    const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
    expect(runs.map(([run]) => run).join("")).toBe(d);
    for (const [, x, y, length] of runs) for (let i = 0; i < Number(length); i++) drawn[Number(y)]![Number(x) + i] = true;
    const expected = qrMatrix(text).map((row) => [...new Array<boolean>(4).fill(false), ...row, ...new Array<boolean>(4).fill(false)]);
    const blank = new Array<boolean>(size + 8).fill(false);
    expect(drawn).toEqual([blank, blank, blank, blank, ...expected, blank, blank, blank, blank]);
  });
});
