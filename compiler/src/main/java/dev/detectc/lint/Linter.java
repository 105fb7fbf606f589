package dev.detectc.lint;

import dev.detectc.condition.Condition;
import dev.detectc.condition.ConditionLeaves;
import dev.detectc.condition.ConditionParser;
import dev.detectc.condition.ParsedCondition;
import dev.detectc.rule.ConditionSource;
import dev.detectc.rule.Detection;
import dev.detectc.rule.DetectionItem;
import dev.detectc.rule.FilterRule;
import dev.detectc.rule.LoadedDocument;
import dev.detectc.rule.LoadedFile;
import dev.detectc.rule.Modifier;
import dev.detectc.rule.SearchIdentifier;
import dev.detectc.rule.SigmaDocument;
import dev.detectc.rule.SigmaRule;
import dev.detectc.source.Diagnostic;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import dev.detectc.source.Located;
import dev.detectc.source.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Runs every lint check over a set of loaded files; cross-file checks (duplicate ids) see them all. */
public final class Linter {

  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern TAG = Pattern.compile("[a-z0-9_-]+\\.[a-z0-9._-]+");
  private static final Set<String> LOGSOURCE_KEYS = Set.of("category", "product", "service", "definition");

  public List<Diagnostic> lint(List<LoadedFile> files) {
    List<Diagnostic> findings = new ArrayList<>();
    Map<String, String> firstId = new HashMap<>();
    Map<String, String> firstName = new HashMap<>();
    for (LoadedFile file : files) {
      Diagnostics sink = new Diagnostics(file.file());
      for (LoadedDocument loaded : file.documents()) {
        SigmaDocument document = loaded.document();
        identity(document, sink, firstId, firstName);
        tags(document, sink);
        if (document instanceof SigmaRule) {
          SigmaRule rule = (SigmaRule) document;
          logsourceKeys(rule.logsource().keyPositions().keySet(), rule.logsource().keyPositions(), sink);
          detection(rule.detection(), sink);
        } else if (document instanceof FilterRule) {
          detection(((FilterRule) document).detection(), sink);
        }
      }
      findings.addAll(sink.toList());
    }
    return findings;
  }

  private static void identity(SigmaDocument document, Diagnostics sink, Map<String, String> firstId,
      Map<String, String> firstName) {
    Located<String> id = document.info().id();
    if (id == null) {
      if (!(document instanceof FilterRule)) {
        sink.warning(DiagnosticCode.LINT_MISSING_ID, document.info().position(), "the rule has no 'id'; add a UUID");
      }
    } else {
      if (!UUID.matcher(id.value()).matches()) {
        sink.warning(DiagnosticCode.LINT_MALFORMED_ID, id.position(), "id '" + id.value() + "' is not a UUID");
      }
      String where = sink.file() + ":" + id.position().line();
      String first = firstId.putIfAbsent(id.value(), where);
      if (first != null) {
        sink.warning(DiagnosticCode.LINT_DUPLICATE_ID, id.position(), "id " + id.value() + " is also used at " + first);
      }
    }
    Located<String> name = document.info().name();
    if (name != null) {
      String first = firstName.putIfAbsent(name.value(), sink.file() + ":" + name.position().line());
      if (first != null) {
        sink.warning(DiagnosticCode.LINT_DUPLICATE_NAME, name.position(),
            "name '" + name.value() + "' is also used at " + first);
      }
    }
  }

  private static void tags(SigmaDocument document, Diagnostics sink) {
    Set<String> seen = new HashSet<>();
    for (Located<String> tag : document.info().tags()) {
      if (!TAG.matcher(tag.value()).matches()) {
        sink.warning(DiagnosticCode.LINT_TAG_FORMAT, tag.position(),
            "tag '" + tag.value() + "' should be namespace.value in lower case (e.g. attack.t1596.001)");
      }
      if (!seen.add(tag.value())) {
        sink.warning(DiagnosticCode.LINT_DUPLICATE_TAG, tag.position(), "tag '" + tag.value() + "' is listed twice");
      }
    }
  }

  private static void logsourceKeys(Set<String> keys, Map<String, SourcePosition> positions, Diagnostics sink) {
    for (String key : keys) {
      if (!LOGSOURCE_KEYS.contains(key)) {
        sink.warning(DiagnosticCode.LINT_LOGSOURCE_KEY, positions.get(key),
            "logsource key '" + key + "' is not one of category, product, service, definition");
      }
    }
  }

  private static void detection(Detection detection, Diagnostics sink) {
    for (SearchIdentifier search : detection.searches().values()) {
      for (List<DetectionItem> alternative : search.alternatives()) {
        alternative.forEach(item -> item(item, sink));
      }
    }
    Set<String> used = new HashSet<>();
    boolean parsedAll = true;
    for (ConditionSource source : detection.conditions()) {
      ParsedCondition parsed = new ConditionParser().parse(source.text());
      if (!parsed.ok()) {
        parsedAll = false;
        continue;
      }
      ConditionLeaves.visit(parsed.condition(), reference -> used.add(reference.name()), quantified -> {
        if (quantified.isThem() && quantified.quantifier() == Condition.Quantifier.ALL) {
          sink.warning(DiagnosticCode.LINT_ALL_OF_THEM, source.positionAt(quantified.offset()),
              "'all of them' is discouraged: name the searches, so adding one cannot silently change the rule");
        }
        detection.searches().keySet().stream().filter(quantified::selects).forEach(used::add);
      });
    }
    if (parsedAll) {
      for (SearchIdentifier search : detection.searches().values()) {
        if (!used.contains(search.name())) {
          sink.warning(DiagnosticCode.LINT_UNUSED_SELECTION, search.position(),
              "search '" + search.name() + "' is never used by the condition");
        }
      }
    }
  }

  private static void item(DetectionItem item, Diagnostics sink) {
    if (item.field() != null && item.has(Modifier.ALL) && !item.has(Modifier.CONTAINS) && !item.has(Modifier.RE)
        && item.values().size() > 1) {
      sink.warning(DiagnosticCode.LINT_ALL_WITHOUT_CONTAINS, item.position(),
          "'" + item.field() + "|all' without 'contains' requires one value to equal several different strings");
    }
    if (item.has(Modifier.WINDASH) && item.has(Modifier.ALL)) {
      sink.warning(DiagnosticCode.LINT_WINDASH_WITH_ALL, item.position(),
          "'windash' with 'all' requires every dash variant at once; drop 'all' or 'windash'");
    }
    if (item.has(Modifier.BASE64OFFSET) && !item.has(Modifier.CONTAINS)) {
      sink.warning(DiagnosticCode.LINT_BASE64OFFSET_WITHOUT_CONTAINS, item.position(),
          "'base64offset' finds text inside larger base64 data only together with 'contains'");
    }
  }
}
