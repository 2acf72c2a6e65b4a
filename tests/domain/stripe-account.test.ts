// The coach's Stripe account: how far it is, and which news about it counts
// (events arrive out of order, twice, or dated to the same second).
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { accountAfter, newAccount, onlinePayments, platformFee, type AccountNews } from "../../functions/src/domain/stripe-account.js";

const at = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });
const news = (when: string, change: Partial<AccountNews> = {}): AccountNews => ({
  accountId: "acct_1",
  chargesEnabled: true,
  detailsSubmitted: true,
  requirementsDue: [],
  disconnected: false,
  at: at(when),
  ...change,
});

describe("online payments", () => {
  it("are ready only on a connected account that takes charges", () => {
    expect(onlinePayments(null)).toBe("not_connected");
    expect(onlinePayments(newAccount("acct_1"))).toBe("action_needed");
    expect(onlinePayments(accountAfter(null, news("2026-12-01T10:00:00Z"))!)).toBe("ready");
    expect(onlinePayments(accountAfter(null, news("2026-12-01T10:00:00Z", { disconnected: true, chargesEnabled: false }))!)).toBe("not_connected");
  });

  it("take the platform's fee in basis points, rounded to the minor unit", () => {
    expect(platformFee(6500, 0)).toBe(0);
    expect(platformFee(6500, 150)).toBe(98);
    expect(platformFee(10_200, 100)).toBe(102);
  });
});

describe("news about the account", () => {
  const ready = accountAfter(newAccount("acct_1"), news("2026-12-01T10:00:05Z"))!;

  it("about a new account always counts, whenever Stripe dated it", () => {
    expect(ready).toMatchObject({ chargesEnabled: true, asOf: "2026-12-01T10:00:05.000Z" });
  });

  it("older than what is kept is ignored: a late update never undoes a disconnection", () => {
    const gone = accountAfter(ready, news("2026-12-01T10:00:09Z", { disconnected: true, chargesEnabled: false }))!;
    expect(accountAfter(gone, news("2026-12-01T10:00:07Z"))).toBeUndefined();
  });

  it("of the same second counts (Stripe dates events to the second); the same news twice changes nothing", () => {
    const kept = accountAfter(newAccount("acct_1"), news("2026-12-01T10:00:05.600Z", { chargesEnabled: false }))!;
    expect(accountAfter(kept, news("2026-12-01T10:00:05Z"))).toMatchObject({ chargesEnabled: true });
    expect(accountAfter(ready, news("2026-12-01T10:00:06Z"))).toBeUndefined();
  });

  it("about another account is ignored", () => {
    expect(accountAfter(ready, news("2026-12-01T11:00:00Z", { accountId: "acct_2" }))).toBeUndefined();
  });
});
