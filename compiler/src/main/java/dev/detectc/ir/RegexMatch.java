package dev.detectc.ir;

import java.util.Objects;
import java.util.Set;

/**
 * A regular expression that must match somewhere in the field's value (Sigma 2.2 defines
 * {@code |re} as a substring match; write {@code ^...$} for a full match). Case-sensitive
 * unless {@link RegexFlag#IGNORECASE} is set.
 */
public record RegexMatch(String field, String regex, Set<RegexFlag> flags) implements IrExpr {

  public RegexMatch {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(regex, "regex");
    flags = flags.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(flags));
  }

  public boolean has(RegexFlag flag) {
    return flags.contains(flag);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitRegex(this);
  }
}
