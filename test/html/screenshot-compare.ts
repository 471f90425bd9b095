// A loose comparison of two screenshots, for layout rather than pixels: both are shrunk eightfold
// in the browser (text turns into grey smudges, so another font or hinting barely counts) and the
// share of cells whose colour moved noticeably is returned. Bars, colours, boxes and where
// sections sit still show up.
import type { Browser } from 'playwright-core';

export const SHRINK = 8;
/** How far (0–255, on any channel) a shrunk cell's colour may move before it counts as changed. */
const TOLERANCE = 48;

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// Plain source, not a function: a transpiler's helpers (esbuild's __name) do not exist in the page.
const IN_PAGE = `async ({ a, b, shrink, tolerance }) => {
  async function pixels(src) {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(img.width / shrink);
    canvas.height = Math.ceil(img.height / shrink);
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  }
  const pa = await pixels(a);
  const pb = await pixels(b);
  let moved = 0;
  for (let i = 0; i < pa.length; i += 4) {
    const d = Math.max(Math.abs(pa[i] - pb[i]), Math.abs(pa[i + 1] - pb[i + 1]), Math.abs(pa[i + 2] - pb[i + 2]));
    if (d > tolerance) moved++;
  }
  return moved / (pa.length / 4);
}`;

/** Share (0–1) of the shrunk picture that differs; the pictures must have the same size. */
export async function layoutDifference(browser: Browser, a: Buffer, b: Buffer): Promise<number> {
  const page = await browser.newPage();
  try {
    const arg = { a: dataUrl(a), b: dataUrl(b), shrink: SHRINK, tolerance: TOLERANCE };
    return (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(arg)})`)) as number;
  } finally {
    await page.close();
  }
}

function dataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}
