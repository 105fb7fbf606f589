package dev.detectc.target.elastic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which code points count as the same letter when case is ignored. Sigma strings follow the
 * evaluator, which lowercases both sides: code points with the same
 * {@link Character#toLowerCase(int)} ({@code k}, {@code K} and the Kelvin sign U+212A).
 * Regular expressions follow RE2, the evaluator's regex engine, which uses simple case-folding
 * orbits: those groups joined through uppercase as well ({@code s}, {@code S} and the long s
 * U+017F). The Turkish dotted and dotless I (U+0130, U+0131) fold with nothing in either.
 * Targets with no case-insensitive operator spell a letter as the class of its group.
 */
public final class CaseFolding {

  /** The highest code point that belongs to any group of more than one. */
  static final int LAST_CASED;

  private static final Map<Integer, int[]> SAME_LOWER = new HashMap<>();
  private static final Map<Integer, int[]> ORBITS = new HashMap<>();

  static {
    int size = Character.MAX_CODE_POINT + 1;
    int[] lowerRoot = new int[size];
    int[] orbitRoot = new int[size];
    for (int cp = 0; cp < size; cp++) {
      lowerRoot[cp] = cp;
      orbitRoot[cp] = cp;
    }
    for (int cp = 0; cp < size; cp++) {
      if (cp == 0x130 || cp == 0x131) {
        continue;
      }
      int lower = Character.toLowerCase(cp);
      int upper = Character.toUpperCase(cp);
      join(lowerRoot, cp, lower);
      join(orbitRoot, cp, lower);
      join(orbitRoot, cp, upper);
    }
    LAST_CASED = Math.max(collect(lowerRoot, SAME_LOWER), collect(orbitRoot, ORBITS));
  }

  private CaseFolding() {}

  /** The code points a case-insensitive Sigma string treats as {@code codePoint}, itself included, ascending. */
  public static int[] variants(int codePoint) {
    int[] group = SAME_LOWER.get(codePoint);
    return group == null ? new int[] {codePoint} : group.clone();
  }

  /** The code points a case-insensitive regular expression treats as {@code codePoint}, ascending. */
  public static int[] orbit(int codePoint) {
    int[] group = ORBITS.get(codePoint);
    return group == null ? new int[] {codePoint} : group.clone();
  }

  /** True when some other code point equals {@code codePoint} ignoring case, as strings compare. */
  public static boolean isCased(int codePoint) {
    return SAME_LOWER.containsKey(codePoint);
  }

  /** True when any code point of {@code text} is cased. */
  public static boolean hasCased(String text) {
    return text.codePoints().anyMatch(CaseFolding::isCased);
  }

  private static void join(int[] roots, int a, int b) {
    int rootA = find(roots, a);
    int rootB = find(roots, b);
    if (rootA != rootB) {
      roots[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
    }
  }

  private static int find(int[] roots, int cp) {
    int root = cp;
    while (roots[root] != root) {
      root = roots[root];
    }
    while (roots[cp] != root) {
      int next = roots[cp];
      roots[cp] = root;
      cp = next;
    }
    return root;
  }

  /** Stores every group of two or more by member; returns the highest member. */
  private static int collect(int[] roots, Map<Integer, int[]> groups) {
    Map<Integer, int[]> byRoot = new HashMap<>();
    for (int cp = 0; cp < roots.length; cp++) {
      int root = find(roots, cp);
      if (root != cp) {
        int[] members = byRoot.computeIfAbsent(root, r -> new int[] {r});
        members = Arrays.copyOf(members, members.length + 1);
        members[members.length - 1] = cp;
        byRoot.put(root, members);
      }
    }
    int last = 0;
    for (int[] members : byRoot.values()) {
      Arrays.sort(members);
      for (int member : members) {
        groups.put(member, members);
        last = Math.max(last, member);
      }
    }
    return last;
  }
}
