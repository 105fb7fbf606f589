package dev.detectc.target.elastic;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable set of Unicode code points kept as sorted, disjoint, non-adjacent ranges: the
 * common form of regex character classes, shorthand classes and case-folded literals, so that
 * negation and union are exact set operations rather than text rewriting.
 */
public final class CodePointSet {

  static final int MAX = Character.MAX_CODE_POINT;

  public static final CodePointSet EMPTY = new CodePointSet(new int[0]);
  public static final CodePointSet ALL = new CodePointSet(new int[] {0, MAX});
  public static final CodePointSet DIGITS = range('0', '9');
  public static final CodePointSet WORD = DIGITS.union(range('A', 'Z')).union(range('a', 'z')).union(of('_'));
  /** RE2's {@code \s}: tab, newline, form feed, carriage return and space (not vertical tab). */
  public static final CodePointSet SPACE = of('\t').union(of('\n')).union(of('\f')).union(of('\r')).union(of(' '));
  public static final CodePointSet NEWLINE = of('\n');

  /** Pairs of inclusive bounds: [start0, end0, start1, end1, ...]. */
  private final int[] bounds;

  private CodePointSet(int[] bounds) {
    this.bounds = bounds;
  }

  public static CodePointSet of(int codePoint) {
    return range(codePoint, codePoint);
  }

  public static CodePointSet range(int first, int last) {
    if (first < 0 || last > MAX || first > last) {
      throw new IllegalArgumentException("bad range " + first + "-" + last);
    }
    return new CodePointSet(new int[] {first, last});
  }

  public boolean isEmpty() {
    return bounds.length == 0;
  }

  public boolean contains(int codePoint) {
    for (int i = 0; i < bounds.length; i += 2) {
      if (codePoint >= bounds[i] && codePoint <= bounds[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** Number of code points in the set. */
  public long size() {
    long size = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      size += bounds[i + 1] - bounds[i] + 1L;
    }
    return size;
  }

  /** The set's ranges as {first, last} pairs, ascending. */
  public List<int[]> ranges() {
    List<int[]> ranges = new ArrayList<>();
    for (int i = 0; i < bounds.length; i += 2) {
      ranges.add(new int[] {bounds[i], bounds[i + 1]});
    }
    return ranges;
  }

  /** The single code point of a one-element set, or -1. */
  public int single() {
    return bounds.length == 2 && bounds[0] == bounds[1] ? bounds[0] : -1;
  }

  public CodePointSet union(CodePointSet other) {
    List<int[]> all = new ArrayList<>(ranges());
    all.addAll(other.ranges());
    all.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<Integer> merged = new ArrayList<>();
    for (int[] range : all) {
      int size = merged.size();
      if (size > 0 && range[0] <= merged.get(size - 1) + 1) {
        merged.set(size - 1, Math.max(merged.get(size - 1), range[1]));
      } else {
        merged.add(range[0]);
        merged.add(range[1]);
      }
    }
    return new CodePointSet(merged.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Every code point not in this set. */
  public CodePointSet complement() {
    List<Integer> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      if (bounds[i] > next) {
        out.add(next);
        out.add(bounds[i] - 1);
      }
      next = bounds[i + 1] + 1;
    }
    if (next <= MAX) {
      out.add(next);
      out.add(MAX);
    }
    return new CodePointSet(out.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The set closed under case as Sigma strings compare ({@link CaseFolding#variants}). */
  public CodePointSet caseClosed() {
    return closed(false);
  }

  /** The set closed under case as regular expressions compare ({@link CaseFolding#orbit}). */
  public CodePointSet orbitClosed() {
    return closed(true);
  }

  private CodePointSet closed(boolean orbits) {
    java.util.BitSet extra = new java.util.BitSet();
    for (int i = 0; i < bounds.length; i += 2) {
      int last = Math.min(bounds[i + 1], CaseFolding.LAST_CASED);
      for (int cp = bounds[i]; cp <= last; cp++) {
        for (int variant : orbits ? CaseFolding.orbit(cp) : CaseFolding.variants(cp)) {
          extra.set(variant);
        }
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int start = extra.nextSetBit(0); start >= 0; ) {
      int end = extra.nextClearBit(start) - 1;
      out.add(start);
      out.add(end);
      start = extra.nextSetBit(end + 1);
    }
    return union(new CodePointSet(out.stream().mapToInt(Integer::intValue).toArray()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CodePointSet && java.util.Arrays.equals(bounds, ((CodePointSet) other).bounds);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(bounds);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < bounds.length; i += 2) {
      text.append(i == 0 ? "" : ",").append(Integer.toHexString(bounds[i]));
      if (bounds[i + 1] != bounds[i]) {
        text.append('-').append(Integer.toHexString(bounds[i + 1]));
      }
    }
    return text.append('}').toString();
  }
}
