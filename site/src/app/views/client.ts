// The "client" screen of the coach app (placeholder until built).
import type { View } from "../context.js";

export const clientView: View = {
  async render(_ctx, root) {
    root.textContent = "client";
  },
};
