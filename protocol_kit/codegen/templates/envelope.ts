/** The fields of a Segment-spec call beside its properties or traits; `userId` or `anonymousId` says who acted. */
export interface CallOptions {
  userId?: string;
  anonymousId?: string;
  context?: Context;
  timestamp?: Date | string;
  integrations?: Record<string, boolean | Record<string, unknown>>;
  messageId?: string;
}

/** `context` with `protocols.event_version` set: the version of a versioned event a call sends. */
export function withEventVersion(context: Context | undefined, version: string): Context {
  const protocols = typeof context?.protocols === "object" && context.protocols !== null ? context.protocols : {};
  return { ...context, protocols: { ...protocols, event_version: version } };
}

/** Options of `page` and `screen` calls. */
export interface PageOptions extends CallOptions {
  category?: string;
}

export interface TrackMessage extends CallOptions {
  event: string;
  properties: object;
}

export interface IdentifyMessage extends CallOptions {
  traits: object;
}

export interface GroupMessage extends CallOptions {
  groupId: string;
  traits: object;
}

export interface PageMessage extends PageOptions {
  name: string;
  properties: object;
}

/** Who a server-side call is about: server libraries need one of the two. */
export type Identity = { userId: string } | { anonymousId: string };

/**
 * A client with the calls of `@segment/analytics-node` (also `@rudderstack/rudder-sdk-node`):
 * each call takes one message object. Use `browserClient` for analytics.js and RudderStack's
 * JavaScript SDK, and `posthogClient` for `posthog-node`.
 */
export interface Client {
  track(message: TrackMessage & Identity): unknown;
  identify?(message: IdentifyMessage & Identity): unknown;
  group?(message: GroupMessage & Identity): unknown;
  page?(message: PageMessage & Identity): unknown;
  screen?(message: PageMessage & Identity): unknown;
}

/** analytics.js and RudderStack's JavaScript SDK: `track(event, properties, options)`. */
export interface BrowserAnalytics {
  track(event: string, properties?: object, options?: object): unknown;
  identify?(userId?: string, traits?: object, options?: object): unknown;
  group?(groupId: string, traits?: object, options?: object): unknown;
  page?(category?: string, name?: string, properties?: object, options?: object): unknown;
  screen?(category?: string, name?: string, properties?: object, options?: object): unknown;
}

/** Sends the tracker's calls through analytics.js (or RudderStack's JavaScript SDK). */
export function browserClient(sdk: BrowserAnalytics): Client {
  const options = (message: CallOptions): object => {
    const { userId, ...rest } = message;
    return rest;
  };
  return {
    track: ({ event, properties, ...rest }) => sdk.track(event, properties, options(rest)),
    identify: ({ traits, ...rest }) => sdk.identify?.(rest.userId, traits, options(rest)),
    group: ({ groupId, traits, ...rest }) => sdk.group?.(groupId, traits, options(rest)),
    page: ({ name, category, properties, ...rest }) => sdk.page?.(category, name, properties, options(rest)),
    screen: ({ name, category, properties, ...rest }) => sdk.screen?.(category, name, properties, options(rest)),
  };
}

/** `posthog-node`: `capture`, `identify` and `groupIdentify` with one message object. */
export interface PostHogLike {
  capture(message: { distinctId: string; event: string; properties?: object; timestamp?: Date; uuid?: string }): unknown;
  identify?(message: { distinctId: string; properties?: object }): unknown;
  groupIdentify?(message: { groupType: string; groupKey: string; properties?: object; distinctId?: string }): unknown;
}

/**
 * Sends the tracker's calls through `posthog-node`: track as `capture`, identify as `identify`,
 * group as `groupIdentify` (of `groupType`, default `company`), page and screen as the
 * `$pageview` and `$screen` events. The distinct id is `userId`, else `anonymousId`.
 */
export function posthogClient(sdk: PostHogLike, options: { groupType?: string } = {}): Client {
  const distinctId = (message: CallOptions): string => {
    const id = message.userId ?? message.anonymousId;
    if (id === undefined) throw new Error("posthogClient: the call needs a userId or an anonymousId");
    return id;
  };
  const when = (message: CallOptions): Date | undefined =>
    message.timestamp === undefined ? undefined : new Date(message.timestamp);
  const pageview = (event: string, message: PageMessage & Identity): void => {
    sdk.capture({ distinctId: distinctId(message), event, timestamp: when(message), uuid: message.messageId,
      properties: { ...message.properties, name: message.name, category: message.category } });
  };
  return {
    track: (message) => sdk.capture({ distinctId: distinctId(message), event: message.event,
      properties: message.properties, timestamp: when(message), uuid: message.messageId }),
    identify: (message) => sdk.identify?.({ distinctId: distinctId(message), properties: message.traits }),
    group: (message) => sdk.groupIdentify?.({ groupType: options.groupType ?? "company", groupKey: message.groupId,
      properties: message.traits, distinctId: message.userId ?? message.anonymousId }),
    page: (message) => pageview("$pageview", message),
    screen: (message) => pageview("$screen", message),
  };
}

/** One way a call departs from the tracking plan, with protocol_kit's code and a JSON pointer into the payload. */
export interface Violation {
  code: string;
  severity: "error" | "warning";
  event: string;
  path: string;
  message: string;
}

/** Called with the violations of a call before it is sent; throw to stop the call. */
export type ViolationHandler = (violations: readonly Violation[], payload: Readonly<Record<string, unknown>>) => void;

export interface TrackerOptions {
  /** Called when a call breaks the plan (development mode); the default is `defaultViolationHandler`. */
  onViolation?: ViolationHandler;
}

/** Thrown by the default handler for calls that break the plan, when NODE_ENV=test or PROTOCOL_KIT_STRICT=1. */
export class TrackingPlanViolationError extends Error {
  readonly violations: readonly Violation[];

  constructor(violations: readonly Violation[]) {
    super(violations.map((v) => `${v.event}: ${v.code} ${v.message} (at ${v.path || "/"})`).join("; "));
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "TrackingPlanViolationError";
    this.violations = violations;
  }
}

interface Environment {
  process?: { env?: Record<string, string | undefined> };
  console?: { warn(...data: unknown[]): void };
}

/** Whether calls that break the plan throw: under NODE_ENV=test or PROTOCOL_KIT_STRICT=1. */
export function isStrict(): boolean {
  const env = (globalThis as Environment).process?.env ?? {};
  return env.NODE_ENV === "test" || env.PROTOCOL_KIT_STRICT === "1";
}

/** Throws a `TrackingPlanViolationError` for errors in strict mode (see `isStrict`), else warns on the console. */
export function defaultViolationHandler(violations: readonly Violation[]): void {
  if (isStrict() && violations.some((v) => v.severity === "error")) {
    throw new TrackingPlanViolationError(violations);
  }
  for (const v of violations) {
    (globalThis as Environment).console?.warn(`protocol-kit: ${v.event}: ${v.code} ${v.message} (at ${v.path || "/"})`);
  }
}
