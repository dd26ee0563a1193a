// Pure timing helpers for the connection; no DOM, no globals.

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30000;

// Exponential backoff with full jitter: a uniformly random delay in
// [0, min(cap, base * 2^attempt)). Full jitter spreads a fleet of screens that
// lost the server at the same moment, so they do not all come back in lockstep.
export function backoffDelay(attempt, { base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS, random = Math.random } = {}) {
  const n = Math.max(0, Number(attempt) || 0);
  return random() * Math.min(cap, base * 2 ** n);
}

// A shortest wait before fetching a new pairing code: a screen whose clock runs
// ahead of the server's would otherwise see every code as already expired and
// burn through the server's pairing rate limit.
export const MIN_CODE_LIFETIME_MS = 60000;
// setTimeout overflows past 2^31 - 1 ms (about 24.8 days).
const MAX_TIMEOUT_MS = 2147483647;

// Milliseconds until a pairing code should be replaced. The server's relative
// `expires_in` (seconds) wins over `expires_at` (ISO 8601, read against `nowMs`),
// since it does not depend on the screen's clock. Unreadable values count as expired.
export function expiryDelay(message, nowMs) {
  let left = 0;
  if (Number.isFinite(message.expires_in)) {
    left = message.expires_in * 1000;
  } else {
    const at = Date.parse(message.expires_at);
    if (Number.isFinite(at)) left = at - nowMs;
  }
  return Math.min(MAX_TIMEOUT_MS, Math.max(MIN_CODE_LIFETIME_MS, left));
}
