// What every view of the coach app gets: the signed-in coach, their language,
// callables with the coach's token, realtime reads, and navigation.
import type { User } from "firebase/auth";
import type { Api, CallName } from "../client/callable.js";
import type { Lang } from "../i18n/index.js";
import type { CoachSummary } from "./coach-summary.js";

export type { CoachSummary };

export interface AppContext {
  lang: Lang;
  /** Intl locale for dates, times and money. */
  locale: string;
  user: User;
  coachId: string;
  coach: CoachSummary;
  /** Calls a callable as the coach; throws CallableError with the stable reason. */
  call<N extends CallName>(name: N, input: Api[N]["input"]): Promise<Api[N]["result"]>;
  /** Goes to a route, e.g. "#/clients/uid-lena". */
  navigate(hash: string): void;
  /** Shows a refusal or a failure in words (the app's one alert line). */
  showError(error: unknown): void;
  /** Announces a done change ("Saved.") in the app's status line. */
  say(text: string): void;
}

/** One screen of the app. render() may subscribe to live data; the returned function unsubscribes. */
export interface View {
  render(ctx: AppContext, root: HTMLElement, params: string[]): Promise<(() => void) | void>;
}
