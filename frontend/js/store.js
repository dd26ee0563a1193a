// Token, last manifest, campaigns, emergency messages and theme, persisted in localStorage. Storage can be missing,
// full or throwing (private mode, kiosk policies); values are therefore also
// kept in memory so the running page keeps working even when nothing persists.

import { isManifest } from "./manifest.js";
import { isEmergency } from "./emergency.js";
import { isCampaigns } from "./campaigns.js";

export const TOKEN_KEY = "infoscreen.token";
export const MANIFEST_KEY = "infoscreen.manifest";
export const EMERGENCIES_KEY = "infoscreen.emergencies";
export const THEME_KEY = "infoscreen.theme";
export const CAMPAIGNS_KEY = "infoscreen.campaigns";

function defaultStorage() {
  try {
    return globalThis.localStorage || null;
  } catch {
    return null; // reading the property itself throws when storage is blocked
  }
}

export function createStore(storage = defaultStorage(), log = console) {
  const memory = new Map();

  function read(key) {
    if (memory.has(key)) return memory.get(key);
    let value = null;
    try {
      value = storage ? storage.getItem(key) : null;
    } catch (err) {
      log.warn("storage read failed", err);
    }
    memory.set(key, value);
    return value;
  }

  function write(key, value) {
    memory.set(key, value);
    try {
      if (!storage) return;
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, value);
    } catch (err) {
      log.warn("storage write failed", err);
    }
  }

  // A stored JSON value if it still passes `check`; anything unreadable counts as none.
  function readChecked(key, check) {
    const raw = read(key);
    if (!raw) return null;
    try {
      const value = JSON.parse(raw);
      return check(value) ? value : null;
    } catch {
      return null;
    }
  }

  return {
    getToken() {
      const token = read(TOKEN_KEY);
      return typeof token === "string" && token !== "" ? token : null;
    },
    setToken(token) {
      write(TOKEN_KEY, token);
    },
    clearToken() {
      write(TOKEN_KEY, null);
    },
    getManifest() {
      return readChecked(MANIFEST_KEY, isManifest);
    },
    setManifest(manifest) {
      write(MANIFEST_KEY, JSON.stringify(manifest));
    },
    clearManifest() {
      write(MANIFEST_KEY, null);
    },
    // The screen's campaigns, so an offline screen starts and ends them on time.
    getCampaigns() {
      return readChecked(CAMPAIGNS_KEY, isCampaigns);
    },
    setCampaigns(campaigns) {
      write(CAMPAIGNS_KEY, campaigns ? JSON.stringify(campaigns) : null);
    },
    // The emergency messages on screen, oldest first; anything unreadable counts as none.
    getEmergencies() {
      try {
        const list = JSON.parse(read(EMERGENCIES_KEY) || "[]");
        return Array.isArray(list) ? list.filter(isEmergency) : [];
      } catch {
        return [];
      }
    },
    setEmergencies(list) {
      write(EMERGENCIES_KEY, list.length ? JSON.stringify(list) : null);
    },
    // The screen's theme (from welcome or theme), so an offline boot shows it too.
    getTheme() {
      try {
        return JSON.parse(read(THEME_KEY) || "null");
      } catch {
        return null;
      }
    },
    setTheme(theme) {
      write(THEME_KEY, theme ? JSON.stringify(theme) : null);
    },
  };
}
