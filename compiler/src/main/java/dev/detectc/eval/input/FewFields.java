package dev.detectc.eval.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The children of an event object that holds only the handful of fields the rules read: keys
 * and values in two arrays, in insertion order, found by a linear scan. For five to ten keys
 * that beats hashing (most lookups compare a cached-hash String by identity or length), and
 * building one costs three objects instead of a table and an entry per field. A full
 * {@link Map}, so an {@code ObjectNode} over it behaves as over a {@code LinkedHashMap}.
 */
final class FewFields extends AbstractMap<String, JsonNode> {

  private String[] keys = new String[8];
  private JsonNode[] values = new JsonNode[8];
  private int size;
  /**
   * One bit per key held, picked by its hash: a lookup of a key the event lacks (the time fields
   * tried before the one a log uses, a filter's field) mostly finds its bit clear and answers
   * without comparing characters. Bits are only ever added, so a clear bit is always right.
   */
  private long hashBits;

  @Override
  public int size() {
    return size;
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size; i++) {
      if (keys[i] == key) {
        return i;
      }
    }
    if (key == null || (hashBits & bit(key)) == 0) {
      return -1;
    }
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static long bit(Object key) {
    return 1L << key.hashCode();
  }

  @Override
  public JsonNode get(Object key) {
    int index = indexOf(key);
    return index < 0 ? null : values[index];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    Objects.requireNonNull(key, "key");
    int index = indexOf(key);
    if (index >= 0) {
      JsonNode old = values[index];
      values[index] = value;
      return old;
    }
    putCanonical(key, value);
    return null;
  }

  /**
   * {@link #put} for a reader whose keys are canonical, one String instance per spelling (as
   * {@link FieldSelection} hands out): a repeated key is then the same instance, so finding it
   * takes identity tests only, not a String comparison against every key already held.
   */
  void putCanonical(String key, JsonNode value) {
    Objects.requireNonNull(key, "key");
    // A clear bit means no key held has this hash, so the key is new: no scan.
    if ((hashBits & bit(key)) != 0) {
      for (int i = 0; i < size; i++) {
        if (keys[i] == key) {
          values[i] = value;
          return;
        }
      }
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    hashBits |= bit(key);
    keys[size] = key;
    values[size] = value;
    size++;
  }

  @Override
  public JsonNode remove(Object key) {
    int index = indexOf(key);
    if (index < 0) {
      return null;
    }
    JsonNode old = values[index];
    removeAt(index);
    return old;
  }

  private void removeAt(int index) {
    System.arraycopy(keys, index + 1, keys, index, size - index - 1);
    System.arraycopy(values, index + 1, values, index, size - index - 1);
    size--;
    keys[size] = null;
    values[size] = null;
  }

  @Override
  public void clear() {
    hashBits = 0;
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, JsonNode>> iterator() {
        return new Iterator<>() {
          private int next;
          private int last = -1;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, JsonNode> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            last = next++;
            int index = last;
            return new SimpleEntry<>(keys[index], values[index]) {
              private static final long serialVersionUID = 1L;

              @Override
              public JsonNode setValue(JsonNode value) {
                values[index] = value;
                return super.setValue(value);
              }
            };
          }

          @Override
          public void remove() {
            if (last < 0) {
              throw new IllegalStateException();
            }
            removeAt(last);
            next = last;
            last = -1;
          }
        };
      }
    };
  }
}
