// Draws the coach app's icons (site/public/icons): a white tennis ball with
// two seams on the site's green (#0f5132), as PNG (192, 512, maskable 512,
// Apple touch 180) and SVG. Pure Node (node:zlib), no image library: run `node scripts/make-icons.mjs`
// after changing the drawing and commit the files.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const OUT = new URL("../site/public/icons/", import.meta.url);
const GREEN = [0x0f, 0x51, 0x32];
const WHITE = [0xff, 0xff, 0xff];

/** The drawing in a unit square: ball centre and radius, seam curves (cubic Béziers), stroke width. */
function design(maskable) {
  // Maskable icons are cropped to a circle of 40 % radius: keep the ball well inside it.
  const r = maskable ? 0.27 : 0.34;
  const c = 0.5;
  const at = (x, y) => [c + (x - 16) * (r / 15), c + (y - 16) * (r / 15)];
  // The favicon's seams on its 32-unit grid: "M9 11c4 2 10 2 14 0" and "M9 21c4-2 10-2 14 0".
  const seams = [
    [at(9, 11), at(13, 13), at(19, 13), at(23, 11)],
    [at(9, 21), at(13, 19), at(19, 19), at(23, 21)],
  ];
  return { c, r, seams, stroke: r * 0.13, corner: maskable ? 0 : 0.18 };
}

const bezier = ([p0, p1, p2, p3], t) => [0, 1].map((i) => (1 - t) ** 3 * p0[i] + 3 * (1 - t) ** 2 * t * p1[i] + 3 * (1 - t) * t ** 2 * p2[i] + t ** 3 * p3[i]);

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour of one point of the unit square, or null outside the rounded background. */
function colourAt(x, y, d, lines) {
  const k = d.corner;
  if (k > 0) {
    const qx = Math.max(k - x, 0, x - (1 - k));
    const qy = Math.max(k - y, 0, y - (1 - k));
    if (Math.hypot(qx, qy) > k) return null;
  }
  if (Math.hypot(x - d.c, y - d.c) > d.r) return GREEN;
  for (const line of lines) for (let i = 1; i < line.length; i += 1) if (segmentDistance(x, y, line[i - 1], line[i]) < d.stroke / 2) return GREEN;
  return WHITE;
}

/** RGBA pixels with 4×4 supersampling for smooth edges. */
function draw(size, maskable) {
  const d = design(maskable);
  const lines = d.seams.map((curve) => Array.from({ length: 49 }, (_, i) => bezier(curve, i / 48)));
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const colour = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, d, lines);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
      }
      pixels[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file of RGBA pixels (8 bit, no interlace, filter 0 on every row). */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function svg() {
  const d = design(false);
  const s = (v) => +(v * 512).toFixed(2);
  const path = ([p0, p1, p2, p3]) => `M${s(p0[0])} ${s(p0[1])}C${s(p1[0])} ${s(p1[1])} ${s(p2[0])} ${s(p2[1])} ${s(p3[0])} ${s(p3[1])}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="${s(d.corner)}" fill="#0f5132"/><circle cx="256" cy="256" r="${s(d.r)}" fill="#fff"/><path d="${d.seams.map(path).join("")}" stroke="#0f5132" stroke-width="${s(d.stroke)}" stroke-linecap="round" fill="none"/></svg>\n`;
}

writeFileSync(new URL("icon-192.png", OUT), png(192, draw(192, false)));
writeFileSync(new URL("icon-512.png", OUT), png(512, draw(512, false)));
writeFileSync(new URL("maskable-512.png", OUT), png(512, draw(512, true)));
// iOS rounds the home-screen icon itself and wants it opaque and full-bleed: the maskable drawing at 180 px.
writeFileSync(new URL("apple-touch-icon.png", OUT), png(180, draw(180, true)));
writeFileSync(new URL("icon.svg", OUT), svg());
console.log("icons written to site/public/icons");
