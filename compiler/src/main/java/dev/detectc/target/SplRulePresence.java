package dev.detectc.target;

import dev.detectc.condition.Condition;
import java.util.List;

/**
 * A temporal correlation's rule-name condition ({@code rule_a and not rule_b}) as an eval
 * expression over the per-member presence fields: "rule r matched in the window" is
 * {@code isnotnull(sigma_seen_<i>)}, which is two-valued.
 */
final class SplRulePresence implements Condition.Visitor<SplText> {

  private final SplTemplates templates;
  private final List<SplMember> members;
  private final List<String> seen;

  SplRulePresence(SplTemplates templates, List<SplMember> members, List<String> seen) {
    this.templates = templates;
    this.members = List.copyOf(members);
    this.seen = List.copyOf(seen);
  }

  @Override
  public SplText visitAnd(Condition.And and) {
    return templates.join("and", and.terms().stream().map(term -> term.accept(this)).toList(), true);
  }

  @Override
  public SplText visitOr(Condition.Or or) {
    return templates.join("or", or.terms().stream().map(term -> term.accept(this)).toList(), true);
  }

  @Override
  public SplText visitNot(Condition.Not not) {
    return templates.not(not.operand().accept(this), true);
  }

  @Override
  public SplText visitReference(Condition.Reference reference) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).name().equals(reference.name())) {
        return SplText.atom("isnotnull(" + seen.get(i) + ")");
      }
    }
    throw templates.refuse("the temporal condition names '" + reference.name() + "', which is not one of its rules");
  }

  @Override
  public SplText visitQuantified(Condition.Quantified quantified) {
    throw templates.refuse("'x of' in a temporal rule condition is not supported by this target");
  }
}
