import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { insideMegaphone } from './megaphone';

type Rgb = [number, number, number];

/** Herald's accent colour (the manifest's accentColor, #5B3FD1). */
const ACCENT: Rgb = [0x5b, 0x3f, 0xd1];
const WHITE: Rgb = [255, 255, 255];
/** Samples per pixel side: 4×4 supersampling gives smooth edges at 32 px. */
const SAMPLES = 4;

/** Fraction of a pixel covered by the glyph, with the glyph scaled into `margin`…`1 - margin`. */
function coverage(px: number, py: number, size: number, margin: number): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const u = (px + (sx + 0.5) / SAMPLES) / size;
      const v = (py + (sy + 0.5) / SAMPLES) / size;
      const x = (u - margin) / (1 - 2 * margin);
      const y = (v - margin) / (1 - 2 * margin);
      if (insideMegaphone(x, y)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

function render(size: number, margin: number, paint: (cover: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const offset = (y * size + x) * 4;
      const [r, g, b, a] = paint(coverage(x, y, size, margin));
      png.data[offset] = r;
      png.data[offset + 1] = g;
      png.data[offset + 2] = b;
      png.data[offset + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

/** The colour icon: a white megaphone on the accent colour, 192×192, opaque. */
export function drawColorIcon(): Buffer {
  return render(192, 0.14, (cover) => {
    const mix = (i: 0 | 1 | 2): number => Math.round(ACCENT[i] * (1 - cover) + WHITE[i] * cover);
    return [mix(0), mix(1), mix(2), 255];
  });
}

/** The outline icon: white only, on a transparent background, 32×32 (as Teams requires). */
export function drawOutlineIcon(): Buffer {
  return render(32, 0.03, (cover) => [255, 255, 255, Math.round(cover * 255)]);
}

/** `tsx scripts/icons/draw.ts`: rewrites appPackage/color.png and appPackage/outline.png. */
if (require.main === module) {
  const packageDir = path.resolve(__dirname, '..', '..', 'appPackage');
  writeFileSync(path.join(packageDir, 'color.png'), drawColorIcon());
  writeFileSync(path.join(packageDir, 'outline.png'), drawOutlineIcon());
  process.stdout.write(`Wrote ${packageDir}/color.png (192×192) and outline.png (32×32)\n`);
}
