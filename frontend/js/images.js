// Waiting for images: off-screen preloads and decodes, never for too long.

export const IMAGE_WAIT_MS = 3000;

// The promise's value, or undefined once `ms` have passed.
export function waitAtMost(promise, timers, ms) {
  let timer = null;
  const timeout = new Promise((resolve) => {
    timer = timers.setTimeout(resolve, ms);
  });
  return Promise.race([promise, timeout]).then((value) => {
    timers.clearTimeout(timer);
    return value;
  });
}

// Resolves once the element's images are decoded, or after `timeoutMs`
// whichever is first, so a slow or broken image never holds up the loop.
export function imagesReady(el, timers = globalThis, timeoutMs = IMAGE_WAIT_MS) {
  const images = el.querySelectorAll ? Array.from(el.querySelectorAll("img")) : [];
  if (images.length === 0) return Promise.resolve();
  return waitAtMost(Promise.all(images.map((img) => (img.decode ? img.decode().catch(() => {}) : null))), timers, timeoutMs);
}

// Loads and decodes an image off-screen, resolving with it; rejects on a 404
// or an undecodable file.
export function decodeImage(url, ImageClass = globalThis.Image) {
  const img = new ImageClass();
  img.src = url;
  return img.decode().then(() => img);
}
