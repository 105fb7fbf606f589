package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.IrRule;
import dev.detectc.source.DiagnosticCode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles lowered documents for one target and profile. Every failure a rule can cause ends
 * as a {@link CompileResult} with a typed {@link Refusal}, so one rule never stops the others.
 */
public final class RuleCompiler {

  private final Target target;
  private final Profile profile;

  public RuleCompiler(Target target, Profile profile) {
    this.target = target;
    this.profile = profile;
  }

  public CompileResult compile(IrDocument document) {
    try {
      if ("spl".equals(target.spec().compiler())) {
        return new SplCompiler(target, profile).compile(document);
      }
      if (document instanceof IrRule) {
        return rule((IrRule) document);
      }
      if (ElasticCorrelations.handles(target)) {
        return new ElasticCorrelations(target, this).compile((IrCorrelation) document);
      }
      return new CorrelationCompiler(target, profile, this).compile((IrCorrelation) document);
    } catch (RefusalException e) {
      return CompileResult.refused(document, e.refusal());
    }
  }

  private CompileResult rule(IrRule rule) {
    Source source = source(rule);
    Map<String, Object> model = new HashMap<>();
    model.put("has_source", source.mapping() != null);
    model.put("source", target.templates().markup(source.mapping() == null ? "" : source.mapping().query()));
    model.put("predicate", target.templates().markup(source.predicate()));
    model.put("index", target.templates().markup(String.join(", ", target.openMapping(profile).indices(rule.logsource()))));
    String query = target.templates().renderFile(target.spec().queryTemplate(), model).stripTrailing();
    LogSourceMapping mapping = source.mapping();
    return new CompileResult(rule, Optional.of(query), Optional.empty(), List.of(),
        mapping == null ? Map.of() : mapping.entities(), mapping == null ? List.of() : mapping.connectors(), Duration.ZERO);
  }

  /** A rule's table entry (null in an open profile) and its rendered predicate. */
  record Source(LogSourceMapping mapping, FieldResolver fields, String predicate) {}

  /** Maps the rule's log source and renders its condition; refuses when either cannot be done. */
  Source source(IrRule rule) {
    LogSourceMapping mapping = null;
    if (!profile.open()) {
      mapping = profile.mapping(rule.logsource()).orElseThrow(() -> new RefusalException(DiagnosticCode.UNMAPPED_LOGSOURCE,
          "profile " + profile.name() + " maps no table to log source " + rule.logsource()
              + " (mapped: " + mapped() + ")"));
    }
    FieldResolver fields = new FieldResolver(profile, mapping, target.escaper(), target.openMapping(profile),
        rule.logsource());
    String predicate = new QueryRenderer(target, profile, fields).render(rule.condition());
    return new Source(mapping, fields, predicate);
  }

  private String mapped() {
    return profile.describeMapped();
  }

  Target target() {
    return target;
  }

  Profile profile() {
    return profile;
  }
}
