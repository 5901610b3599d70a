// Draws the console's icon, build/icon.png (1024×1024), from which electron-builder derives the
// Windows .ico and macOS .icns at package time. A shield with a check mark on the console's blue.
// Plain zlib PNG encoding: no image library for one flat picture. Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 1024;
const blue = [11, 79, 138];
const white = [255, 255, 255];
const pixels = Buffer.alloc(size * size * 4);

function inRoundedSquare(x, y) {
  const r = 180;
  const m = 40;
  const cx = Math.min(Math.max(x, m + r), size - m - r);
  const cy = Math.min(Math.max(y, m + r), size - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r ** 2;
}

function inShield(x, y) {
  const cx = size / 2;
  const top = 200;
  const shoulder = 400;
  const bottom = 860;
  const half = 300;
  if (y < top || y > bottom) return false;
  if (y <= shoulder) return Math.abs(x - cx) <= half;
  // Narrows to a point along a curve.
  const t = (y - shoulder) / (bottom - shoulder);
  return Math.abs(x - cx) <= half * Math.sqrt(1 - t * t);
}

function nearSegment(x, y, [x1, y1], [x2, y2], width) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return (x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2 <= (width / 2) ** 2;
}

function inCheck(x, y) {
  const a = [370, 530];
  const b = [470, 630];
  const c = [660, 420];
  return nearSegment(x, y, a, b, 70) || nearSegment(x, y, b, c, 70);
}

for (let y = 0; y < size; y += 1) {
  for (let x = 0; x < size; x += 1) {
    const i = (y * size + x) * 4;
    let colour = null;
    if (inRoundedSquare(x, y)) colour = inShield(x, y) ? (inCheck(x, y) ? blue : white) : blue;
    if (colour) {
      pixels.set(colour, i);
      pixels[i + 3] = 255;
    }
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const rows = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../build/icon.png', import.meta.url), png);
console.log(`build/icon.png: ${size}×${size}, ${png.length} bytes`);
