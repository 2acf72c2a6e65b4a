import { FakeGateway } from "../../gateways/fake-gateway.js";
import { PaymentGateway } from "../../gateways/payment-gateway.js";
import { StripeGateway } from "../../gateways/stripe-gateway.js";
import { functionsOrigin } from "../booking/calendar.js";
import { paymentsGateway, stripeSecretKey } from "../config.js";

/** The payment gateway of this environment: Stripe, or the local fake in the emulators. */
export function paymentGateway(): PaymentGateway {
  return paymentsGateway.value() === "fake" ? new FakeGateway(functionsOrigin()) : new StripeGateway(stripeSecretKey.value());
}
