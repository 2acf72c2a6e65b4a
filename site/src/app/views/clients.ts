// The "clients" screen of the coach app (placeholder until built).
import type { View } from "../context.js";

export const clientsView: View = {
  async render(_ctx, root) {
    root.textContent = "clients";
  },
};
