import { FcmTransport } from "../../gateways/fcm-transport.js";
import { LogTransport } from "../../gateways/log-transport.js";
import { PushTransport } from "../../gateways/push-transport.js";
import { pushTransportName } from "../config.js";
import { adminApp, db } from "../firebase.js";

/** The push transport of this environment: FCM, or the log in the emulators. */
export function pushTransport(): PushTransport {
  return pushTransportName.value() === "log" ? new LogTransport(db()) : new FcmTransport(adminApp());
}
