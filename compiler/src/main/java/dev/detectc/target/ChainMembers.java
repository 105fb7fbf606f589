package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.IrRule;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.CorrelationType;
import dev.detectc.source.DiagnosticCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The members of a chain (a temporal correlation over rules and over event_count or value_count
 * correlations) as the Elastic targets that write chains read them ({@link EsqlChain},
 * {@link DslChain}): each referenced rule or counted correlation with the base rules it reads.
 * The limits both share are checked here, with the reason: only temporal with a count
 * condition, only event_count and value_count one level down, a value_count over one field, and
 * counted correlations that group by the temporal's own fields (aliases resolved).
 */
final class ChainMembers {

  /** One referenced rule ({@code counted} null) or counted correlation: its base rules and how each renders. */
  record Member(String name, CorrelationRule counted, List<IrRule> bases, List<RuleCompiler.Source> sources) {

    /** How base rule {@code base} of this member spells {@code field} in the query. */
    String spelling(int base, String field) {
      return sources.get(base).fields().resolve(field).text();
    }
  }

  private ChainMembers() {}

  /** True when {@code correlation} references another correlation. */
  static boolean chained(IrCorrelation correlation) {
    return correlation.rules().stream().anyMatch(document -> document instanceof IrCorrelation);
  }

  /**
   * The members of {@code temporal}, each base rule rendered by {@code read}; {@code one} names
   * what the target writes ("one ES|QL query") in the refusals.
   */
  static List<Member> of(Target target, IrCorrelation temporal, Function<IrRule, RuleCompiler.Source> read, String one) {
    CorrelationRule rule = temporal.correlation();
    if (rule.type() != CorrelationType.TEMPORAL || rule.extendedCondition() != null) {
      throw refuse(target, "only a temporal correlation (with a count condition) over event_count or value_count"
          + " correlations is written as " + one + "; this one is " + rule.type().id());
    }
    List<Member> members = new ArrayList<>();
    for (IrDocument document : temporal.rules()) {
      members.add(member(target, temporal, document, read, one));
    }
    return members;
  }

  private static Member member(Target target, IrCorrelation temporal, IrDocument document,
      Function<IrRule, RuleCompiler.Source> read, String one) {
    String name = IrCorrelation.referenceName(document);
    if (document instanceof IrRule) {
      IrRule base = (IrRule) document;
      return new Member(name, null, List.of(base), List.of(read.apply(base)));
    }
    IrCorrelation counted = (IrCorrelation) document;
    CorrelationRule inner = counted.correlation();
    if (inner.type() != CorrelationType.EVENT_COUNT && inner.type() != CorrelationType.VALUE_COUNT) {
      throw refuse(target, "a temporal correlation over a " + inner.type().id() + " correlation (" + name
          + ") cannot be written as " + one + "; event_count and value_count can");
    }
    if (inner.type() == CorrelationType.VALUE_COUNT && inner.fields().size() != 1) {
      throw refuse(target, "value_count over " + inner.fields().size() + " fields is not supported; name one field");
    }
    Set<String> wanted = new LinkedHashSet<>();
    temporal.correlation().groupBy().forEach(group -> wanted.add(temporal.correlation().resolveAlias(group, name)));
    if (!wanted.equals(new LinkedHashSet<>(inner.groupBy()))) {
      throw refuse(target, "the referenced correlation " + name + " groups by " + inner.groupBy() + ", not by the"
          + " temporal correlation's " + temporal.correlation().groupBy() + ", so its counts cannot be joined per group");
    }
    List<IrRule> bases = new ArrayList<>();
    List<RuleCompiler.Source> sources = new ArrayList<>();
    for (IrDocument referenced : counted.rules()) {
      if (!(referenced instanceof IrRule)) {
        throw refuse(target, "correlations nested more than one level deep (" + name + " references "
            + IrCorrelation.referenceName(referenced) + ") cannot be written as " + one);
      }
      bases.add((IrRule) referenced);
      sources.add(read.apply((IrRule) referenced));
    }
    return new Member(name, inner, bases, sources);
  }

  /**
   * How every base rule of every member spells the temporal's group {@code group} (aliases of the
   * temporal, then of the counted correlation, resolved), in member and base order.
   */
  static List<String> groupSpellings(IrCorrelation temporal, List<Member> members, String group) {
    List<String> spellings = new ArrayList<>();
    for (Member member : members) {
      String field = temporal.correlation().resolveAlias(group, member.name());
      for (int j = 0; j < member.bases().size(); j++) {
        String baseField = member.counted() == null ? field
            : member.counted().resolveAlias(field, IrCorrelation.referenceName(member.bases().get(j)));
        spellings.add(member.spelling(j, baseField));
      }
    }
    return spellings;
  }

  static RefusalException refuse(Target target, String what) {
    return new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": " + what);
  }
}
