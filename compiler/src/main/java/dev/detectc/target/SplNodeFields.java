package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrRule;
import dev.detectc.rule.CorrelationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields one correlation aggregates over the stream: which rows are its members, its
 * group-by fields (aliases resolved per member) and the value a value_* type aggregates. Where a
 * member spells a field differently, or a name cannot be bare in a by clause, an eval helper
 * ({@code sigma_group1_0 = case(sigma_rule="a", 'param1', ...)}) gives it one name.
 */
final class SplNodeFields {

  private final SplCorrelationCompiler correlation;
  private final CorrelationRule rule;
  private final List<SplMember> members;
  private final String suffix;
  private final List<Map<String, Object>> helpers = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();

  SplNodeFields(SplCorrelationCompiler correlation, IrCorrelation node, List<SplMember> members, String suffix) {
    this.correlation = correlation;
    this.rule = node.correlation();
    this.members = List.copyOf(members);
    this.suffix = suffix;
    for (int g = 0; g < rule.groupBy().size(); g++) {
      groups.add(group(g));
    }
  }

  List<String> groups() {
    return groups;
  }

  /** The eval assignments these fields need, in order; empty when the rows already hold them. */
  List<Map<String, Object>> helpers() {
    return helpers;
  }

  /** The test that a row belongs to this correlation, or null when every row does. */
  String memberTest() {
    if (members.stream().anyMatch(member -> member.test() == null)) {
      return null;
    }
    SplTemplates templates = correlation.templates();
    return templates.join("or", members.stream().map(member -> SplText.atom(member.test())).toList(), true).text();
  }

  /** A row-level test that holds exactly on member rows, for {@code if()} helpers: "true" when every row is a member. */
  String memberCondition(String condition) {
    String test = memberTest();
    if (test == null) {
      return condition;
    }
    return correlation.templates().join("and", List.of(SplText.compound(test), SplText.compound(condition)), true).text();
  }

  private String group(int index) {
    String sigma = rule.groupBy().get(index);
    List<String> names = new ArrayList<>();
    for (SplMember member : members) {
      String resolved = rule.resolveAlias(sigma, member.name());
      if (member.correlation()) {
        IrCorrelation inner = (IrCorrelation) member.document();
        int position = inner.correlation().groupBy().indexOf(resolved);
        if (position < 0) {
          throw correlation.templates().refuse("the correlation groups by '" + sigma + "', which the correlation '"
              + member.name() + "' it references does not group by, so its results do not carry it");
        }
        names.add(member.groups().get(position));
      } else {
        names.add(correlation.source((IrRule) member.document()).field(resolved));
      }
    }
    boolean same = names.stream().distinct().count() == 1;
    if (same && SplEscaper.statsField(names.get(0)).isPresent()) {
      return names.get(0);
    }
    return helper("sigma_group" + suffix + "_" + index, names);
  }

  /** The field holding the aggregated value (value_* types), made from each member's value fields. */
  String value() {
    List<String> expressions = new ArrayList<>();
    for (SplMember member : members) {
      if (member.correlation()) {
        throw correlation.templates().refuse(rule.type().id() + " over the results of another correlation ('" + member.name()
            + "') is not supported: those results have no field values");
      }
      List<String> parts = new ArrayList<>();
      for (String field : rule.fields()) {
        parts.add(eval(correlation.source((IrRule) member.document()).field(rule.resolveAlias(field, member.name()))));
      }
      // Several fields count distinct combinations: each value length-prefixed, so no two combinations concatenate alike.
      expressions.add(parts.size() == 1 ? parts.get(0) : String.join(".", parts.stream().map(part -> "len(" + part + ").\":\"." + part).toList()));
    }
    boolean plain = rule.fields().size() == 1 && memberTest() == null;
    String name = correlation.source((IrRule) members.get(0).document()).field(rule.resolveAlias(rule.fields().get(0), members.get(0).name()));
    if (plain && SplEscaper.statsField(name).isPresent()) {
      return name;
    }
    return assign("sigma_value" + suffix, choose(expressions));
  }

  /** A helper field named {@code name} holding, on each member's rows, that member's field. */
  private String helper(String name, List<String> fields) {
    return assign(name, choose(fields.stream().map(this::eval).toList()));
  }

  /** {@code case(test1, e1, ...)} over the members, or the one expression when every row is a member. */
  private String choose(List<String> expressions) {
    if (memberTest() == null) {
      return expressions.get(0);
    }
    List<String> arguments = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      arguments.add(members.get(i).test());
      arguments.add(expressions.get(i));
    }
    return "case(" + String.join(", ", arguments) + ")";
  }

  /** Adds the helper {@code name = expression} and returns its name. */
  String assign(String name, String expression) {
    helpers.add(correlation.templates().assignment(name, expression));
    return name;
  }

  private String eval(String field) {
    return SplEscaper.evalField(field).orElseThrow(() -> correlation.templates().refuse("the field name '" + field
        + "' cannot be written in an SPL eval expression"));
  }
}
