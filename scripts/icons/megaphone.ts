/**
 * Herald's glyph, a megaphone with two sound waves, as a point-in-shape test on the unit square
 * (x right, y down). Drawing from geometry keeps both icon sizes crisp without any image editor.
 */
export function insideMegaphone(x: number, y: number): boolean {
  return inMouthpiece(x, y) || inCone(x, y) || inRim(x, y) || inHandle(x, y) || inWave(x, y, 0.12) || inWave(x, y, 0.21);
}

const CENTRE_Y = 0.5;

function inMouthpiece(x: number, y: number): boolean {
  return x >= 0.1 && x <= 0.24 && Math.abs(y - CENTRE_Y) <= 0.09;
}

/** The cone widens linearly from the mouthpiece to the bell. */
function inCone(x: number, y: number): boolean {
  const from = 0.24;
  const to = 0.66;
  if (x < from || x > to) return false;
  const halfHeight = 0.09 + ((x - from) / (to - from)) * (0.3 - 0.09);
  return Math.abs(y - CENTRE_Y) <= halfHeight;
}

function inRim(x: number, y: number): boolean {
  return x >= 0.66 && x <= 0.71 && Math.abs(y - CENTRE_Y) <= 0.33;
}

function inHandle(x: number, y: number): boolean {
  return x >= 0.28 && x <= 0.38 && y >= CENTRE_Y && y <= 0.78;
}

/** An arc of a ring centred just right of the rim, 45° either side of the horizontal. */
function inWave(x: number, y: number, radius: number): boolean {
  const dx = x - 0.71;
  const dy = y - CENTRE_Y;
  const distance = Math.hypot(dx, dy);
  const angle = Math.abs(Math.atan2(dy, dx));
  return dx > 0 && angle <= Math.PI / 4 && Math.abs(distance - radius) <= 0.03;
}
