// Generates the add-in's ribbon/manifest icons (16, 32, 64, 80 px PNG): a blue rounded square with a white check mark.
// Run with `node assets/generate-icons.js`; the PNGs are committed.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
/** Distance from point p to segment ab. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function icon(size) {
  const ss = 4; // supersampling per axis
  const out = Buffer.alloc(size * size * 4);
  const blue = [15, 108, 189];
  const r = 0.2; // corner radius (fraction of size)
  const stroke = size <= 16 ? 0.13 : 0.1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0, white = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size;
          const v = (y + (sy + 0.5) / ss) / size;
          // Rounded square with a small margin.
          const m = 0.04;
          const cx = Math.min(Math.max(u, m + r), 1 - m - r);
          const cy = Math.min(Math.max(v, m + r), 1 - m - r);
          const inside = u >= m && u <= 1 - m && v >= m && v <= 1 - m && Math.hypot(u - cx, v - cy) <= r;
          if (!inside) continue;
          cover++;
          const d = Math.min(segDist(u, v, 0.26, 0.52, 0.43, 0.69), segDist(u, v, 0.43, 0.69, 0.75, 0.33));
          if (d <= stroke / 2) white++;
        }
      }
      const n = ss * ss;
      const a = cover / n;
      const w = cover ? white / cover : 0;
      const i = (y * size + x) * 4;
      out[i] = Math.round(blue[0] * (1 - w) + 255 * w);
      out[i + 1] = Math.round(blue[1] * (1 - w) + 255 * w);
      out[i + 2] = Math.round(blue[2] * (1 - w) + 255 * w);
      out[i + 3] = Math.round(a * 255);
    }
  }
  return png(size, out);
}
for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), icon(size));
}
console.log('Skrev assets/icon-16.png, icon-32.png, icon-64.png, icon-80.png');
