// The coach's settings: profile, hours, offerings, pack templates, policy, devices, calendar feed, notifications.

import * as z from "zod";
import { BookingRules, CancellationPolicy, DateOverride, Offering, PackTemplate, Profile, TimeOff, WeeklyHours } from "../domain/coach.js";
import { DocId } from "../domain/ids.js";
import { NotificationSettings } from "../domain/notifications.js";
import { SavedResult } from "./common.js";
import type { Calls } from "./contract.js";

/** savePackTemplate (coach): create or replace a pack template; priced in the coach's currency. */
export const SavePackTemplateInput = z.object({ coachId: DocId, templateId: DocId, template: PackTemplate });
export type SavePackTemplateInput = z.infer<typeof SavePackTemplateInput>;

/** setCancellationPolicy (coach): window, late-cancel rule and waiver reasons. */
export const SetCancellationPolicyInput = z.object({ coachId: DocId, policy: CancellationPolicy });
export type SetCancellationPolicyInput = z.infer<typeof SetCancellationPolicyInput>;

/** setAvailability (coach): weekly hours, date overrides, time off and booking rules. */
export const SetAvailabilityInput = z.object({
  coachId: DocId,
  weeklyHours: WeeklyHours,
  dateOverrides: z.array(DateOverride).max(400).default([]),
  timeOff: z.array(TimeOff).max(200).default([]),
  bookingRules: BookingRules,
});
export type SetAvailabilityInput = z.infer<typeof SetAvailabilityInput>;

/** saveOffering (coach): create or replace a session type with its own duration, location and rules. */
export const SaveOfferingInput = z.object({ coachId: DocId, offeringId: DocId, offering: Offering });
export type SaveOfferingInput = z.infer<typeof SaveOfferingInput>;

/** orderOfferings (coach): the session types in the order clients and the coach see them (the first is the default). */
export const OrderOfferingsInput = z.object({
  coachId: DocId,
  offeringIds: z
    .array(DocId)
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, "each session type once"),
});
export type OrderOfferingsInput = z.infer<typeof OrderOfferingsInput>;

/** saveProfile (coach): name, bio, discipline, photo, locations and language; the public page data follows. */
export const SaveProfileInput = z.object({ coachId: DocId, profile: Profile });
export type SaveProfileInput = z.infer<typeof SaveProfileInput>;

/** registerDevice / unregisterDevice (coach): an FCM token of one of the coach's devices. */
export const DeviceInput = z.object({ coachId: DocId, token: z.string().min(10).max(4096) });
export type DeviceInput = z.infer<typeof DeviceInput>;

/** setCalendarFeed (coach): a new secret feed URL (the old one stops working), or none. */
export const SetCalendarFeedInput = z.object({ coachId: DocId, enabled: z.boolean() });
export type SetCalendarFeedInput = z.infer<typeof SetCalendarFeedInput>;

/** The private feed URL, or null when turned off. */
export const CalendarFeedResult = z.object({ url: z.string().nullable() });
export type CalendarFeedResult = z.infer<typeof CalendarFeedResult>;

/** setNotificationSettings (coach): quiet hours, reminder lead times, open-payment delay, daily agenda. */
export const SetNotificationSettingsInput = z.object({ coachId: DocId, settings: NotificationSettings });
export type SetNotificationSettingsInput = z.infer<typeof SetNotificationSettingsInput>;

/** The callables of this area: each name with its input and result. */
export const coachCalls = {
  saveProfile: { input: SaveProfileInput, result: SavedResult },
  setAvailability: { input: SetAvailabilityInput, result: SavedResult },
  saveOffering: { input: SaveOfferingInput, result: SavedResult },
  orderOfferings: { input: OrderOfferingsInput, result: SavedResult },
  savePackTemplate: { input: SavePackTemplateInput, result: SavedResult },
  setCancellationPolicy: { input: SetCancellationPolicyInput, result: SavedResult },
  setNotificationSettings: { input: SetNotificationSettingsInput, result: SavedResult },
  registerDevice: { input: DeviceInput, result: SavedResult },
  unregisterDevice: { input: DeviceInput, result: SavedResult },
  setCalendarFeed: { input: SetCalendarFeedInput, result: CalendarFeedResult },
} satisfies Calls;
