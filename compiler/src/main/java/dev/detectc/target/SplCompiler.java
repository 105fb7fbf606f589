package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.IrRule;
import dev.detectc.source.DiagnosticCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles documents to SPL. A detection rule is its profile's source terms and its search
 * terms, then at most one where clause ({@link SplCondition}); with the {@code tstats} form it is
 * a tstats search over the CIM data model. Correlations go to {@link SplCorrelationCompiler}.
 */
final class SplCompiler {

  private final Target target;
  private final Profile profile;
  private final SplTemplates templates;
  private final SplProfile spl;

  SplCompiler(Target target, Profile profile) {
    this.target = target;
    this.profile = profile;
    this.templates = new SplTemplates(target);
    this.spl = SplProfile.of(target, profile);
  }

  CompileResult compile(IrDocument document) {
    if (document instanceof IrCorrelation) {
      if (spl.tstats()) {
        throw templates.refuse("the tstats form covers detection rules; compile correlations with profile cim, whose"
            + " streamstats windows need the events themselves");
      }
      return new SplCorrelationCompiler(this).compile((IrCorrelation) document);
    }
    IrRule rule = (IrRule) document;
    Source source = source(rule);
    String query = spl.tstats() ? tstats(source) : query(source.searchText(), source.where());
    return new CompileResult(rule, Optional.of(query), Optional.empty(), List.of(),
        source.mapping() == null ? Map.of() : source.mapping().entities(), List.of(), Duration.ZERO);
  }

  /** A detection rule's query: the search, then the where clause if any. */
  private String query(String search, Optional<SplText> where) {
    List<String> commands = new ArrayList<>();
    where.ifPresent(condition -> commands.add(templates.command("where", templates.model("condition", condition.text()))));
    return target.templates().renderFile(target.spec().queryTemplate(), templates.model("search", search, "commands", commands))
        .stripTrailing();
  }

  /** A rule's mapped log source (null in profile none), its field names and its split condition. */
  record Source(IrRule rule, LogSourceMapping mapping, FieldResolver fields, SplCondition condition, String sourceTerms,
      SplTemplates templates) {

    String searchText() {
      return condition.searchText(sourceTerms, templates);
    }

    Optional<SplText> where() {
      return condition.where();
    }

    /** The SPL field a Sigma field of this rule maps to. */
    String field(String sigma) {
      return fields.resolve(sigma).text();
    }
  }

  Source source(IrRule rule) {
    LogSourceMapping mapping = null;
    if (!profile.open()) {
      mapping = profile.mapping(rule.logsource()).orElseThrow(() -> new RefusalException(DiagnosticCode.UNMAPPED_LOGSOURCE,
          "profile " + profile.name() + " maps no source to log source " + rule.logsource() + " (mapped: "
              + profile.describeMapped() + ")"));
    }
    FieldResolver fields = new FieldResolver(profile, mapping, target.escaper());
    String prefix = spl.tstats() ? datasetObject(mapping) + "." : "";
    SplCondition condition = SplCondition.split(rule.condition(), templates, sigma -> prefix + fields.resolve(sigma).text());
    String sourceTerms = mapping == null || spl.tstats() ? "" : mapping.query();
    return new Source(rule, mapping, fields, condition, sourceTerms, templates);
  }

  /**
   * The tstats form: the data model filtered by search terms, grouped by the profile's fields. A
   * rule that needs a where clause is refused: tstats filters with search terms only, and its
   * rows no longer hold the fields a later where would test.
   */
  private String tstats(Source source) {
    if (source.where().isPresent()) {
      throw templates.refuse("the tstats form filters with search terms only, and this rule also needs a where clause ("
          + source.where().get().text() + "); compile it with profile cim");
    }
    Map<String, Object> entry = spl.entry(profile, source.mapping());
    String dataset = DataFile.string("profile " + profile.name(), entry, "datamodel", null);
    String object = datasetObject(source.mapping());
    List<String> by = DataFile.list("profile " + profile.name(), entry, "tstats_by").stream().map(field -> object + "." + field).toList();
    String search = source.condition().search().isEmpty() ? "" : templates.join("and", source.condition().search(), false).text();
    List<String> lines = new ArrayList<>();
    lines.add(templates.command("tstats", templates.model("datamodel", dataset, "filtered", !search.isEmpty(), "search", search,
        "by", String.join(" ", by))));
    lines.add(templates.command("rename", templates.model("from", object + ".*")));
    return String.join("\n", lines);
  }

  /** The dataset object tstats prefixes fields with: {@code DNS} for {@code Network_Resolution.DNS}. */
  private String datasetObject(LogSourceMapping mapping) {
    String dataset = DataFile.string("profile " + profile.name(), spl.entry(profile, mapping), "datamodel", null);
    return dataset.substring(dataset.lastIndexOf('.') + 1);
  }

  Target target() {
    return target;
  }

  Profile profile() {
    return profile;
  }

  SplTemplates templates() {
    return templates;
  }
}
