// Deployable functions, one per file; this module only re-exports them.
export { bookSlot } from "./callables/book-slot.js";
export { getBalance } from "./callables/get-balance.js";
export { listSlots } from "./callables/list-slots.js";
