package dev.detectc.eval.input;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which top-level keys of an event the loaded rules can ever look at. Readers build only those
 * (a 15-field DNS event read for rules that test 5 fields costs a third as much), keeping whole
 * subtrees so nested paths still resolve. {@link #ALL} keeps everything, as keyword searches need.
 */
public final class FieldSelection {

  public static final FieldSelection ALL = new FieldSelection(null);

  /** Null means every key. */
  private final Set<String> keys;

  /**
   * Recent answers by key identity: Jackson hands out one canonical String per field name, so
   * a slot holding the very same instance answers without hashing the set. Slots hold immutable
   * entries, so sharing a selection between threads can only miss.
   */
  private final Decision[] recent = new Decision[64];

  private record Decision(String key, boolean kept) {}

  /**
   * The ASCII keys by {@link #sketch}, open addressed, so a byte scanner finds a key without
   * making a String or reading all its bytes twice; null slots end a probe.
   */
  private final String[] bySketch;

  private FieldSelection(Set<String> keys) {
    this.keys = keys;
    int size = Integer.highestOneBit(Math.max(4, keys == null ? 0 : keys.size() * 4) - 1) << 1;
    this.bySketch = new String[size];
    if (keys != null) {
      for (String key : keys) {
        if (!key.isEmpty() && key.chars().allMatch(c -> c < 0x80)) {
          int slot = sketch(key.length(), key.charAt(0), key.charAt(key.length() / 2), key.charAt(key.length() - 1))
              & (size - 1);
          while (bySketch[slot] != null) {
            slot = (slot + 1) & (size - 1);
          }
          // Interned, as FieldPath's keys are: an event's children are then found by identity.
          bySketch[slot] = key.intern();
        }
      }
    }
  }

  /**
   * A hash of a key's length and first, middle and last chars: constant work however long the
   * key, and enough to tell apart the keys logs use ({@code id.orig_h} from {@code id.resp_h});
   * a collision only costs one more comparison.
   */
  private static int sketch(int length, int first, int middle, int last) {
    int hash = length * 0x9E3779B1 + first * 31 + middle * 961 + last * 29791;
    return hash ^ hash >>> 16;
  }

  /** The keys a lookup of each field may start with: the field itself and each prefix before a dot. */
  public static FieldSelection of(Collection<String> fields) {
    Set<String> keys = new HashSet<>();
    for (String field : fields) {
      keys.add(field);
      for (int dot = field.indexOf('.'); dot > 0; dot = field.indexOf('.', dot + 1)) {
        keys.add(field.substring(0, dot));
      }
    }
    return new FieldSelection(keys);
  }

  public boolean keeps(String key) {
    if (keys == null) {
      return true;
    }
    int slot = key.hashCode() & (recent.length - 1);
    Decision decision = recent[slot];
    if (decision != null && decision.key == key) {
      return decision.kept;
    }
    boolean kept = keys.contains(key);
    recent[slot] = new Decision(key, kept);
    return kept;
  }

  /**
   * The selected key spelled by the ASCII bytes {@code bytes[start, start + length)}, or null
   * when that key is not selected (or {@link #keepsAll()}).
   */
  String keptKey(byte[] bytes, int start, int length) {
    if (length == 0) {
      return keys != null && keys.contains("") ? "" : null;
    }
    int mask = bySketch.length - 1;
    int slot = sketch(length, bytes[start], bytes[start + length / 2], bytes[start + length - 1]) & mask;
    for (; bySketch[slot] != null; slot = (slot + 1) & mask) {
      String key = bySketch[slot];
      if (key.length() == length && spells(key, bytes, start)) {
        return key;
      }
    }
    return null;
  }

  private static boolean spells(String key, byte[] bytes, int start) {
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) != bytes[start + i]) {
        return false;
      }
    }
    return true;
  }

  public boolean keepsAll() {
    return keys == null;
  }
}
