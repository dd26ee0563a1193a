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

// Milliseconds until a pairing code expiring at `expiresAt` (ISO 8601) should be
// replaced, given the current time `nowMs`. Unparseable dates count as expired.
export function expiryDelay(expiresAt, nowMs) {
  const at = Date.parse(expiresAt);
  const left = Number.isFinite(at) ? at - nowMs : 0;
  return Math.min(MAX_TIMEOUT_MS, Math.max(MIN_CODE_LIFETIME_MS, left));
}
