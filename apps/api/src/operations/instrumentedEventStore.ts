import type { EventStore, Subscription } from '@app/event-store';
import type { AppMetrics } from './appMetrics';

/**
 * The store as the app uses it, counting what passes through: every appended event, and each
 * live subscription from its start until it has really stopped (by `stop()` or by failure), so a
 * subscription left running by a closed client shows as a gauge that never comes back down.
 * Everything else is the adapter's own, bound to it.
 */
export function instrumentedEventStore<S extends EventStore>(store: S, metrics: AppMetrics): S {
  const tracked = (subscription: Subscription): Subscription => {
    metrics.storeSubscriptions.inc();
    const released = () => metrics.storeSubscriptions.dec();
    subscription.done.then(released, released);
    return subscription;
  };
  const overrides: Partial<EventStore> = {
    append: async (...args) => {
      const result = await store.append(...args);
      metrics.eventsAppended.inc(result.events.length);
      return result;
    },
    subscribe: (...args) => tracked(store.subscribe(...args)),
    subscribeToPages: (...args) => tracked(store.subscribeToPages(...args)),
  };
  return new Proxy(store, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof EventStore];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
