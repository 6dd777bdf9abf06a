import type { ChangeFeed, ChangeTopic } from '#server/db/change-feed';
import type { Transactor } from '#server/db/transaction';

/**
 * The longest an entry is served without being read again, even when no change was heard: the bound on
 * staleness should the listening connection die without the process noticing (normally a change is heard
 * within milliseconds of its commit and the entry is dropped then).
 */
export const cacheMaxAgeMs = 5_000;

/**
 * An in-memory cache of what the database keeps under one change topic. It forgets everything whenever the
 * topic changes (in this process or another), serves nothing while the change feed is not live, and never
 * keeps a value whose load overlapped a change (it may predate the change).
 */
export type ChangeCache<K, V> = {
  /** The cached value, unless the feed is down, nothing is cached, or the entry is older than the bound. */
  get(key: K): V | undefined;
  /** A token to take before reading the database, for `set`. */
  version(): number;
  /** Keeps a value read after `version()` returned `since`, unless a change happened meanwhile. */
  set(key: K, value: V, since: number): void;
  /** The cached value, or the loaded one (kept for next time). */
  getOrLoad(key: K, load: () => Promise<V>): Promise<V>;
};

/** Builds a cache bound to a change topic; `maxEntries` keeps memory bounded (oldest entries go first). */
export function createChangeCache<K, V>(
  feed: ChangeFeed,
  topic: ChangeTopic,
  options: { maxEntries: number; now?: () => number },
): ChangeCache<K, V> {
  const now = options.now ?? (() => performance.now());
  const entries = new Map<K, { value: V; storedAt: number }>();
  let version = 0;
  feed.onChange(topic, () => {
    version++;
    entries.clear();
  });
  const cache: ChangeCache<K, V> = {
    get(key) {
      if (!feed.isLive()) return undefined;
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (now() - entry.storedAt > cacheMaxAgeMs) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    version: () => version,
    set(key, value, since) {
      if (since !== version || !feed.isLive()) return;
      entries.delete(key);
      entries.set(key, { value, storedAt: now() });
      if (entries.size > options.maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
    async getOrLoad(key, load) {
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const since = version;
      const value = await load();
      cache.set(key, value, since);
      return value;
    },
  };
  return cache;
}

/**
 * The transactor of a service whose writes change a cached topic: after each of its transactions ends, this
 * process forgets the topic at once (other processes hear the database's announcement of the commit).
 */
export function announcingChanges(tx: Transactor, feed: ChangeFeed, topic: ChangeTopic): Transactor {
  return {
    executor: tx.executor,
    async run(work) {
      try {
        return await tx.run(work);
      } finally {
        feed.changedHere(topic);
      }
    },
  };
}
