/**
 * What a process may keep in memory and must forget when the database changes it. The triggers of migration
 * 202612031800_add_change_notifications announce these on the channel `kuzot_change`.
 */
export type ChangeTopic = 'auth' | 'territories' | 'population';

const topics: readonly ChangeTopic[] = ['auth', 'territories', 'population'];

export const changeChannel = 'kuzot_change';

/** How a database connection delivers notifications; `lost` is called once if the connection breaks. */
export type ChangeListener = (
  onMessage: (payload: string) => void,
  onLost: (error: Error) => void,
) => Promise<{ close(): Promise<void> }>;

/**
 * Tells in-memory caches when what they hold changed, in this process or any other on the same database.
 * Every change is announced by the database at commit (triggers, so no code path is forgotten), heard here on
 * a dedicated connection; the process that made a change also says so at once with `changedHere`, so its own
 * next request never sees the old state. While the listening connection is down, `isLive()` is false and
 * caches must not serve: nothing is kept that could be stale without this process hearing about it.
 */
export type ChangeFeed = {
  /** Whether changes made elsewhere are being heard now. */
  isLive(): boolean;
  /**
   * Runs `handler` on every change of `topic` (and whenever the feed goes down or comes back); returns the
   * function that stops it.
   */
  onChange(topic: ChangeTopic, handler: () => void): () => void;
  /** Announces in this process a change it has just committed (other processes hear the database). */
  changedHere(topic: ChangeTopic): void;
  /** Starts listening (idempotent); until then, and after `close`, the feed is not live. */
  start(): Promise<void>;
  close(): Promise<void>;
};

/** How long to wait before listening again after the connection broke. */
const retryMs = 1_000;

/** Builds a change feed over the database's listener. */
export function createChangeFeed(listen: ChangeListener): ChangeFeed {
  const handlers = new Map<ChangeTopic, Array<() => void>>();
  let live = false;
  let closed = false;
  let starting: Promise<void> | null = null;
  let connection: { close(): Promise<void> } | null = null;
  let retry: NodeJS.Timeout | null = null;

  const emit = (topic: ChangeTopic) => {
    for (const handler of handlers.get(topic) ?? []) handler();
  };
  const emitAll = () => topics.forEach(emit);

  const connect = async (): Promise<void> => {
    try {
      const opened = await listen(
        (payload) => {
          if ((topics as readonly string[]).includes(payload)) emit(payload as ChangeTopic);
        },
        () => {
          // Whatever changed while nobody listened is unknown: forget everything and listen again.
          live = false;
          connection = null;
          emitAll();
          scheduleRetry();
        },
      );
      if (closed) {
        await opened.close();
        return;
      }
      connection = opened;
      // Changes made before this moment were not heard: anything cached before is forgotten.
      emitAll();
      live = true;
    } catch {
      scheduleRetry();
    }
  };
  const scheduleRetry = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, retryMs);
    retry.unref();
  };

  return {
    isLive: () => live,
    onChange(topic, handler) {
      handlers.set(topic, [...(handlers.get(topic) ?? []), handler]);
      return () =>
        handlers.set(
          topic,
          (handlers.get(topic) ?? []).filter((h) => h !== handler),
        );
    },
    changedHere: emit,
    start() {
      closed = false;
      starting ??= connect();
      return starting;
    },
    async close() {
      closed = true;
      starting = null;
      live = false;
      if (retry) clearTimeout(retry);
      retry = null;
      emitAll();
      await connection?.close();
      connection = null;
    },
  };
}
