// The "today" screen of the coach app (placeholder until built).
import type { View } from "../context.js";

export const todayView: View = {
  async render(_ctx, root) {
    root.textContent = "today";
  },
};
