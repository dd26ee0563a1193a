// Every English string the screen shows, in one place so it can be translated.

export const strings = {
  pairingInstruction: "Enter this code in the admin to pair this screen.",
  connecting: "Connecting…",
  idle: "Nothing to show right now.",
};
