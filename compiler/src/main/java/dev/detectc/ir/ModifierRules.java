package dev.detectc.ir;

import dev.detectc.rule.DetectionItem;
import dev.detectc.rule.Modifier;
import dev.detectc.rule.ModifierUse;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which modifiers may stand together, and in which order. Each violation is reported at the
 * modifier that breaks the rule, with a typed code, and makes the item unusable.
 */
final class ModifierRules {

  private static final Set<Modifier> POSITION = EnumSet.of(Modifier.CONTAINS, Modifier.STARTSWITH, Modifier.ENDSWITH);
  private static final Set<Modifier> NUMERIC = EnumSet.of(Modifier.LT, Modifier.LTE, Modifier.GT, Modifier.GTE);
  private static final Set<Modifier> TIME =
      EnumSet.of(Modifier.MINUTE, Modifier.HOUR, Modifier.DAY, Modifier.WEEK, Modifier.MONTH, Modifier.YEAR);
  private static final Set<Modifier> UTF16 = EnumSet.of(Modifier.WIDE, Modifier.UTF16LE, Modifier.UTF16BE, Modifier.UTF16);
  private static final Set<Modifier> BASE64 = EnumSet.of(Modifier.BASE64, Modifier.BASE64OFFSET);
  private static final Set<Modifier> FLAGS = EnumSet.of(Modifier.IGNORECASE, Modifier.MULTILINE, Modifier.DOTALL);
  private static final Set<Modifier> NEEDS_FIELD = EnumSet.of(Modifier.EXISTS, Modifier.FIELDREF, Modifier.CIDR,
      Modifier.LT, Modifier.LTE, Modifier.GT, Modifier.GTE, Modifier.MINUTE, Modifier.HOUR, Modifier.DAY,
      Modifier.WEEK, Modifier.MONTH, Modifier.YEAR, Modifier.EXPAND, Modifier.RE);

  /** What may accompany a modifier that restricts its company; absent entries accept anything the rules below allow. */
  private static final Set<Modifier> WITH_RE = union(EnumSet.of(Modifier.RE, Modifier.ALL, Modifier.NEQ), FLAGS);
  private static final Set<Modifier> WITH_CIDR = EnumSet.of(Modifier.CIDR, Modifier.EXPAND, Modifier.NEQ, Modifier.ALL);
  private static final Set<Modifier> WITH_COMPARE = union(union(EnumSet.of(Modifier.NEQ), NUMERIC), TIME);
  private static final Set<Modifier> WITH_FIELDREF = union(EnumSet.of(Modifier.FIELDREF, Modifier.NEQ, Modifier.CASED,
      Modifier.ALL), POSITION);

  private ModifierRules() {}

  /** Checks the item's modifier chain; returns false (after reporting) when it is unusable. */
  static boolean check(DetectionItem item, Diagnostics diagnostics) {
    int before = diagnostics.size();
    List<ModifierUse> uses = item.modifiers();
    Set<Modifier> seen = EnumSet.noneOf(Modifier.class);
    for (ModifierUse use : uses) {
      if (!seen.add(use.modifier())) {
        diagnostics.error(DiagnosticCode.MODIFIER_DUPLICATE, use.position(),
            "modifier '" + use.modifier().spelling() + "' is applied twice");
      }
    }
    List<ModifierUse> ordered = uses.stream().filter(use -> use.modifier() != Modifier.EXPAND).toList();
    Set<Modifier> misplaced = EnumSet.noneOf(Modifier.class);
    for (int i = 1; i < ordered.size(); i++) {
      Modifier modifier = ordered.get(i).modifier();
      if (modifier == Modifier.RE || modifier == Modifier.CIDR) {
        misplaced.add(modifier);
        diagnostics.error(DiagnosticCode.MODIFIER_ORDER, ordered.get(i).position(),
            "'" + modifier.spelling() + "' must be the first modifier: it reads the value as written");
      }
    }
    for (ModifierUse use : uses) {
      Modifier modifier = use.modifier();
      if (item.isKeyword() && NEEDS_FIELD.contains(modifier)) {
        diagnostics.error(DiagnosticCode.MODIFIER_CONFLICT, use.position(),
            "'" + modifier.spelling() + "' needs a field; it cannot apply to a keyword");
      }
    }
    exclusive(uses, POSITION, "contains, startswith and endswith", diagnostics);
    exclusive(uses, NUMERIC, "lt, lte, gt and gte", diagnostics);
    exclusive(uses, TIME, "the time-part modifiers", diagnostics);
    exclusive(uses, UTF16, "wide, utf16, utf16le and utf16be", diagnostics);
    exclusive(uses, BASE64, "base64 and base64offset", diagnostics);
    // A misplaced re/cidr is reported once, as an order problem, not again as a conflict.
    if (!misplaced.contains(Modifier.RE)) {
      companions(uses, Modifier.RE, WITH_RE, diagnostics);
    }
    if (!misplaced.contains(Modifier.CIDR)) {
      companions(uses, Modifier.CIDR, WITH_CIDR, diagnostics);
    }
    companions(uses, Modifier.FIELDREF, WITH_FIELDREF, diagnostics);
    companions(uses, Modifier.EXISTS, EnumSet.of(Modifier.EXISTS), diagnostics);
    for (Modifier compare : union(NUMERIC, TIME)) {
      companions(uses, compare, WITH_COMPARE, diagnostics);
    }
    for (ModifierUse use : uses) {
      if (FLAGS.contains(use.modifier()) && !seen.contains(Modifier.RE)) {
        diagnostics.error(DiagnosticCode.MODIFIER_CONFLICT, use.position(),
            "'" + use.modifier().spelling() + "' is a regular-expression flag; it needs '|re' first");
      }
    }
    return !diagnostics.hasErrorsSince(before);
  }

  private static void exclusive(List<ModifierUse> uses, Set<Modifier> group, String names, Diagnostics diagnostics) {
    Modifier found = null;
    for (ModifierUse use : uses) {
      if (group.contains(use.modifier())) {
        if (found != null && found != use.modifier()) {
          diagnostics.error(DiagnosticCode.MODIFIER_CONFLICT, use.position(),
              "only one of " + names + " may be used; '" + use.modifier().spelling() + "' conflicts");
        }
        found = found == null ? use.modifier() : found;
      }
    }
  }

  private static void companions(List<ModifierUse> uses, Modifier owner, Set<Modifier> allowed, Diagnostics diagnostics) {
    if (uses.stream().noneMatch(use -> use.modifier() == owner)) {
      return;
    }
    for (ModifierUse use : uses) {
      if (!allowed.contains(use.modifier())) {
        diagnostics.error(DiagnosticCode.MODIFIER_CONFLICT, use.position(),
            "'" + use.modifier().spelling() + "' cannot be combined with '" + owner.spelling() + "'");
      }
    }
  }

  private static Set<Modifier> union(Set<Modifier> a, Set<Modifier> b) {
    Set<Modifier> all = EnumSet.noneOf(Modifier.class);
    all.addAll(a);
    all.addAll(b);
    return all;
  }

  static boolean isNumeric(Modifier modifier) {
    return NUMERIC.contains(modifier);
  }

  static boolean isTime(Modifier modifier) {
    return TIME.contains(modifier);
  }

  static boolean isUtf16(Modifier modifier) {
    return UTF16.contains(modifier);
  }
}
