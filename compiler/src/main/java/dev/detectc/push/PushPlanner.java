package dev.detectc.push;

import dev.detectc.ir.IrDocument;
import dev.detectc.ir.LoweredDocument;
import dev.detectc.ir.RuleSet;
import dev.detectc.rule.LoadedFile;
import dev.detectc.rule.RuleInfo;
import dev.detectc.source.Diagnostic;
import dev.detectc.source.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides, before any request, what each rule will be: its desired state from the target's
 * payloads, or "not pushed" with the reason (rule errors, no id, a target refusal, two rules
 * claiming one SIEM key). Rules only used through a correlation ({@code generate: false}) are
 * not pushed on their own, as {@code compile} emits nothing for them.
 */
public final class PushPlanner {

  /** The plan in file order, and the diagnostics to print (rule errors and target refusals). */
  public record Plan(List<PlannedRule> rules, List<Diagnostic> diagnostics) {
    public Plan {
      rules = List.copyOf(rules);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private PushPlanner() {}

  public static Plan plan(RuleSet rules, PushPayloads payloads) {
    Objects.requireNonNull(payloads, "payloads");
    List<PlannedRule> planned = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>(rules.diagnostics());
    for (LoadedFile file : rules.files()) {
      file.fileDiagnostics().stream().filter(Diagnostic::isError).findFirst().ifPresent(error ->
          planned.add(PlannedRule.notPushed("-", "-", file.file(), error.headline())));
    }
    for (LoweredDocument document : rules.documents()) {
      RuleInfo info = document.document().info();
      String id = Objects.toString(info.idValue(), "-");
      String title = Objects.toString(info.title(), "-");
      if (!document.ok()) {
        planned.add(PlannedRule.notPushed(id, title, document.file(), document.errorSummary()));
        continue;
      }
      IrDocument ir = document.ir().get();
      if (!ir.emitted()) {
        continue;
      }
      if (info.idValue() == null) {
        planned.add(PlannedRule.notPushed(id, title, document.file(),
            "the rule has no id: SIEM objects are keyed by it, so each push would create another copy"));
        continue;
      }
      Diagnostics refusals = new Diagnostics(document.file());
      Optional<DesiredRule> desired = payloads.desiredState(ir, refusals);
      diagnostics.addAll(refusals.toList());
      if (desired.isPresent()) {
        planned.add(PlannedRule.ready(desired.get()));
      } else {
        String reason = refusals.toList().stream().filter(Diagnostic::isError).map(Diagnostic::headline)
            .collect(Collectors.joining("; "));
        planned.add(PlannedRule.notPushed(id, title, document.file(),
            reason.isEmpty() ? "the target produced nothing to push for this rule" : reason));
      }
    }
    return new Plan(withoutSharedKeys(planned, payloads.siem()), diagnostics);
  }

  /** Two rules with one key would overwrite each other on every run: neither is pushed. */
  private static List<PlannedRule> withoutSharedKeys(List<PlannedRule> planned, Siem siem) {
    Map<String, List<DesiredRule>> byKey = new LinkedHashMap<>();
    planned.forEach(rule -> rule.desired().ifPresent(d -> byKey.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d)));
    List<PlannedRule> result = new ArrayList<>();
    for (PlannedRule rule : planned) {
      if (rule.desired().isEmpty() || byKey.get(rule.desired().get().key()).size() == 1) {
        result.add(rule);
        continue;
      }
      DesiredRule desired = rule.desired().get();
      List<DesiredRule> sharing = byKey.get(desired.key());
      result.add(PlannedRule.notPushed(desired.ruleId(), desired.title(), desired.file(), sharing.size()
          + " rules map to the same " + siem.displayName() + " object \"" + desired.key() + "\" ("
          + sharing.stream().map(DesiredRule::file).distinct().collect(Collectors.joining(", "))
          + "); none of them is pushed"));
    }
    return result;
  }
}
