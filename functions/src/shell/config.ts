import { defineInt, defineSecret, defineString } from "firebase-functions/params";

/** Stripe API key (Secret Manager in production; functions/.secret.local in the emulators). */
export const stripeSecretKey = defineSecret("STRIPE_SECRET_KEY");
/** Signing secret of the Stripe webhook endpoint. */
export const stripeWebhookSecret = defineSecret("STRIPE_WEBHOOK_SECRET");
/** "stripe" in production; "fake" in the emulators (functions/.env.local). */
export const paymentsGateway = defineString("PAYMENTS_GATEWAY", { default: "stripe" });
/** Where Checkout sends the client back, e.g. https://book.example.com. */
export const siteOrigin = defineString("SITE_ORIGIN");
/** "fcm" in production; "log" in the emulators (writes devPushLog). */
export const pushTransportName = defineString("PUSH_TRANSPORT", { default: "fcm" });
/** Which SiteBuilder keeps static coach pages current: "hosting" (the live release) or "local" in the emulators. */
export const siteBuilderName = defineString("SITE_BUILDER", { default: "hosting" });
/** The Hosting site of the booking pages; "default": the project's default site (whose id is the project id). */
export const hostingSite = defineString("HOSTING_SITE", { default: "default" });
/** SoloCoach's fee on each online payment, in basis points of the amount (100 = 1 %); 0: none. */
export const platformFeeBasisPoints = defineInt("PLATFORM_FEE_BASIS_POINTS", { default: 0 });
/** Where client e-mail is sent, e.g. smtps://user:pass@smtp.example.com:465 (the local inbox's SMTP server in the emulators). */
export const smtpUrl = defineSecret("SMTP_URL");
/** The address client e-mail comes from (on SoloCoach's sending domain); the coach's name is its display name. */
export const mailSender = defineString("MAIL_SENDER", { default: "bookings@mail.solocoach.app" });
/** Signs the one-click unsubscribe links in client e-mail. */
export const mailLinkSecret = defineSecret("MAIL_LINK_SECRET");
/** A scheduled sweep may run up to the 9-minute limit of an event-driven function (the default is 60 s). */
export const SWEEP_SECONDS = 540;
