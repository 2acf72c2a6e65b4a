// Deployable functions, one per file; this module only re-exports them.
export { adjustPack } from "./callables/adjust-pack.js";
export { bookSlot } from "./callables/book-slot.js";
export { cancelBooking } from "./callables/cancel-booking.js";
export { extendPack } from "./callables/extend-pack.js";
export { getBalance } from "./callables/get-balance.js";
export { listSlots } from "./callables/list-slots.js";
export { markNoShow } from "./callables/mark-no-show.js";
export { previewCancellation } from "./callables/preview-cancellation.js";
export { savePackTemplate } from "./callables/save-pack-template.js";
export { sellPack } from "./callables/sell-pack.js";
export { setCancellationPolicy } from "./callables/set-cancellation-policy.js";
export { transferUnits } from "./callables/transfer-units.js";
export { voidPack } from "./callables/void-pack.js";
export { waiveCharge } from "./callables/waive-charge.js";
export { expirePacks } from "./scheduled/expire-packs.js";
