package dev.detectc.eval;

import java.util.function.Predicate;

/**
 * Remembers recent answers of an expensive string test (an RE2 regex or wildcard pattern):
 * log values repeat (the same domains, paths and command lines), and a hash probe costs far
 * less than an automaton run. Direct-mapped and bounded; each slot holds one immutable entry,
 * so concurrent use can only miss, never answer wrongly. Long values are not cached.
 */
final class MatchCache implements Predicate<String> {

  private static final int SLOTS = 1024;
  private static final int LONGEST = 256;

  private record Entry(String value, boolean result) {}

  private final Predicate<String> test;
  private final Entry[] entries = new Entry[SLOTS];

  MatchCache(Predicate<String> test) {
    this.test = test;
  }

  @Override
  public boolean test(String value) {
    if (value.length() > LONGEST) {
      return test.test(value);
    }
    int hash = value.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    Entry entry = entries[slot];
    if (entry != null && entry.value.equals(value)) {
      return entry.result;
    }
    boolean result = test.test(value);
    entries[slot] = new Entry(value, result);
    return result;
  }
}
