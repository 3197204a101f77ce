/**
 * A map that can be read and never changed: the look-up tables a catalogue
 * index hands out. A frozen `Map` can still be emptied (`Object.freeze` does
 * not reach its entries, and `Map.prototype.delete.call` works on any Map), so
 * the entries live in a private field that no caller can reach, and the view
 * has only the reading half of the Map interface.
 */
export class ReadOnlyMap<K, V> implements ReadonlyMap<K, V> {
  readonly #entries: Map<K, V>;

  constructor(entries: Iterable<readonly [K, V]>) {
    this.#entries = new Map(entries);
    Object.freeze(this);
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    return this.#entries.get(key);
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#entries) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[K, V]> {
    return this.#entries.entries();
  }

  keys(): MapIterator<K> {
    return this.#entries.keys();
  }

  values(): MapIterator<V> {
    return this.#entries.values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.#entries[Symbol.iterator]();
  }
}

// The class and its prototype are part of every index handed out: nobody may add a `delete` to them.
Object.freeze(ReadOnlyMap.prototype);
Object.freeze(ReadOnlyMap);
