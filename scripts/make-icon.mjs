// Draws images/icon.png (128×128): a server rack in libvirt-ish teal with a green check, as a plain RGBA PNG.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const put = (x, y, [r, g, b, a = 255]) => {
  const i = (y * size + x) * 4;
  pixels[i] = r;
  pixels[i + 1] = g;
  pixels[i + 2] = b;
  pixels[i + 3] = a;
};
const rect = (x0, y0, x1, y1, colour) => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) put(x, y, colour);
};
const round = (x0, y0, x1, y1, r, colour) => {
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const dx = Math.max(x0 + r - x, 0, x - (x1 - 1 - r));
      const dy = Math.max(y0 + r - y, 0, y - (y1 - 1 - r));
      if (dx * dx + dy * dy <= r * r) put(x, y, colour);
    }
};
round(4, 4, 124, 124, 22, [16, 94, 110]);
for (const top of [24, 52, 80]) {
  round(22, top, 106, top + 22, 5, [233, 244, 246]);
  rect(32, top + 9, 60, top + 13, [16, 94, 110]);
  round(88, top + 7, 96, top + 15, 4, [76, 175, 80]);
}
const crc = (buffer) => {
  let c = ~0;
  for (const byte of buffer) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
};
const chunk = (type, data) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, tail]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8;
header[9] = 6;
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
writeFileSync(
  new URL('../images/icon.png', import.meta.url),
  Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);
