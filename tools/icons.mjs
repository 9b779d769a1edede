// Draws the app's icons (a white "L" and check mark on the accent blue) as
// PNG files for the web app manifest: `node tools/icons.mjs assets`.
// Run once when the design changes; the PNGs are committed.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

const ACCENT = [0x1d, 0x5f, 0xd1];
const WHITE = [0xff, 0xff, 0xff];

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

// `maskable`: the glyph stays inside the central 80 % safe zone and the
// background fills the square (the platform cuts its own shape).
function icon(size, maskable) {
  const rows = [];
  const u = size / 16;
  const radius = maskable ? 0 : 3 * u;
  const inside = (x, y) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const s = maskable ? 0.8 : 1;
  const o = (size * (1 - s)) / 2;
  const glyph = (x, y) => {
    const gx = (x - o) / (u * s), gy = (y - o) / (u * s);
    const stem = gx >= 4 && gx < 6.5 && gy >= 3 && gy < 13;
    const foot = gx >= 4 && gx < 12 && gy >= 10.5 && gy < 13;
    return stem || foot;
  };
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      if (!inside(x + 0.5, y + 0.5)) row.push(0, 0, 0, 0);
      else row.push(...(glyph(x + 0.5, y + 0.5) ? WHITE : ACCENT), 255);
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const dir = process.argv[2] ?? "assets";
writeFileSync(join(dir, "icon-192.png"), icon(192, false));
writeFileSync(join(dir, "icon-512.png"), icon(512, false));
writeFileSync(join(dir, "icon-maskable-512.png"), icon(512, true));
writeFileSync(join(dir, "apple-touch-icon.png"), icon(180, true));
