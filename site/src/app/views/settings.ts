// The "settings" screen of the coach app (placeholder until built).
import type { View } from "../context.js";

export const settingsView: View = {
  async render(_ctx, root) {
    root.textContent = "settings";
  },
};
