package dev.detectc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.detectc.source.Diagnostic;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.DiagnosticPrinter;
import dev.detectc.target.Compilation;
import dev.detectc.target.CompiledRule;
import dev.detectc.target.KibanaPackage;
import dev.detectc.target.Profile;
import dev.detectc.target.Refusal;
import dev.detectc.target.RuleCompiler;
import dev.detectc.target.SentinelPackage;
import dev.detectc.target.SplPackage;
import dev.detectc.target.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code detectc compile}: emit one query per rule for a target and profile; a refused rule never stops the others. */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Compile Sigma rules to a SIEM query language. Exit 0 when every rule compiled, 2 when any failed.")
public final class CompileCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { text, jsonl, sentinel_yaml, sentinel_arm, kibana_ndjson, savedsearches }

  /**
   * The mappers live in a holder so that Jackson starts only when an output format needs it:
   * building them costs a noticeable share of a short compile's start-up on a small machine.
   */
  private static final class Mappers {
    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));
  }

  @Spec
  CommandSpec spec;

  @Mixin
  RuleInput input;

  @Option(names = "--target", required = true, paramLabel = "T", split = ",",
      description = "Query language(s), comma-separated: kql, spl, lucene, eql, esql, dsl. Rules are loaded once for all.")
  List<String> targetNames;

  @Option(names = "--profile", defaultValue = "none", paramLabel = "P",
      description = "Table and field mapping (kql: none, sentinel, sentinel-dnsevents, defender; spl: none, cim, cim-tstats,"
          + " raw; lucene, eql, esql, dsl: none, ecs). Default: none.")
  String profileName;

  @Option(names = "--format", defaultValue = "text", paramLabel = "F", converter = FormatConverter.class,
      description = "text, jsonl (one object per rule), sentinel-yaml or sentinel-arm (kql only),"
          + " kibana-ndjson (lucene, eql, esql: Kibana detection rules for _import), savedsearches (spl only:"
          + " one savedsearches.conf).")
  Format format;

  @Option(names = "--output", paramLabel = "DIR", description = "Write one file per rule into DIR instead of printing.")
  Path output;

  @Override
  public Integer call() throws IOException {
    List<Target> targets = new java.util.ArrayList<>();
    List<Profile> profiles = new java.util.ArrayList<>();
    for (String targetName : targetNames) {
      try {
        Target target = Target.load(targetName.trim());
        profiles.add(target.profile(profileName));
        targets.add(target);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      Target target = targets.get(targets.size() - 1);
      if ((format == Format.sentinel_yaml || format == Format.sentinel_arm) && !target.name().equals("kql")) {
        throw new ParameterException(spec.commandLine(), "--format " + FormatConverter.name(format) + " needs --target kql");
      }
      if (format == Format.savedsearches && !target.name().equals("spl")) {
        throw new ParameterException(spec.commandLine(), "--format savedsearches needs --target spl");
      }
      if (format == Format.kibana_ndjson && !KibanaPackage.supports(target)) {
        throw new ParameterException(spec.commandLine(), "--format kibana-ndjson needs --target lucene, eql or esql");
      }
    }
    RuleInput.Loaded loaded = input.load();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DiagnosticPrinter printer = new DiagnosticPrinter(loaded.sources());
    loaded.inputDiagnostics().forEach(diagnostic -> printer.print(diagnostic, err));
    OutputFiles files;
    try {
      files = output == null ? null : new OutputFiles(output);
    } catch (IOException e) {
      err.println("detectc: cannot create the output folder " + output + ": " + e.getMessage());
      return ExitCodes.RULE_ERROR;
    }
    int unwritten = 0;
    boolean internal = false;
    long failedTotal = 0;
    for (int t = 0; t < targets.size(); t++) {
      Target target = targets.get(t);
      Profile profile = profiles.get(t);
      List<CompiledRule> compiled = Compilation.run(loaded.rules(), new RuleCompiler(target, profile));
      if (format == Format.savedsearches) {
        unwritten += writeSavedSearches(compiled, target, profile, files, out, err, printer);
      }
      for (CompiledRule rule : format == Format.savedsearches ? List.<CompiledRule>of() : compiled) {
        if (format != Format.jsonl) {
          rule.diagnostics().forEach(diagnostic -> printer.print(diagnostic, err));
        }
        String text = render(rule, target, profile);
        if (text == null) {
          continue;
        }
        if (files == null) {
          out.print(text);
        } else {
          // Text files already differ by extension per target; other formats share one, so the name says which.
          boolean shared = targets.size() > 1 && format != Format.text;
          String name = files.name(baseName(rule) + (shared ? "." + target.name() : ""), extension(target));
          try {
            files.write(name, text);
          } catch (IOException e) {
            err.println("detectc: cannot write " + output.resolve(name) + ": " + e.getMessage());
            unwritten++;
          }
        }
      }
      long failed = compiled.stream().filter(rule -> !rule.ok()).count();
      failedTotal += failed;
      err.printf("compiled %d of %d rules for %s/%s; %d failed%n", compiled.size() - failed, compiled.size(),
          target.name(), profile.name(), failed);
      internal |= compiled.stream().anyMatch(rule -> rule.error().map(e -> e.code() == DiagnosticCode.INTERNAL_ERROR)
          .orElse(false));
    }
    if (internal) {
      return ExitCodes.INTERNAL;
    }
    boolean inputErrors = loaded.inputDiagnostics().stream().anyMatch(Diagnostic::isError);
    return failedTotal > 0 || inputErrors || unwritten > 0 ? ExitCodes.RULE_ERROR : ExitCodes.OK;
  }

  /** The text one rule contributes in the chosen format, or null when it has none (a failed rule outside jsonl). */
  private String render(CompiledRule rule, Target target, Profile profile) throws IOException {
    if (format == Format.jsonl) {
      return jsonLine(rule, target, profile) + "\n";
    }
    if (!rule.ok()) {
      return null;
    }
    switch (format) {
      case kibana_ndjson:
        return KibanaPackage.line(rule, target, profile) + "\n";
      case sentinel_yaml:
        return (output == null ? "---\n" : "") + Mappers.YAML.writeValueAsString(SentinelPackage.analyticRule(rule));
      case sentinel_arm:
        return output == null ? Mappers.JSON.writeValueAsString(SentinelPackage.alertRule(rule)) + "\n"
            : Mappers.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(SentinelPackage.alertRule(rule)) + "\n";
      default:
        String header = comment(target, oneLine(rule.info().title())) + "\n" + comment(target, oneLine(rule.file())
            + (rule.info().idValue() == null ? "" : " (" + oneLine(rule.info().idValue()) + ")")) + "\n";
        // Lucene query strings and JSON have no comments: a file of one of them holds the query alone.
        boolean comments = !target.name().equals("lucene") && !target.name().equals("dsl");
        return (output == null || comments ? header : "") + rule.query().orElseThrow() + "\n" + (output == null ? "\n" : "");
    }
  }

  /** One savedsearches.conf for every rule that compiled; returns 1 when it could not be written. */
  private int writeSavedSearches(List<CompiledRule> compiled, Target target, Profile profile, OutputFiles files,
      PrintWriter out, PrintWriter err, DiagnosticPrinter printer) {
    compiled.forEach(rule -> rule.diagnostics().forEach(diagnostic -> printer.print(diagnostic, err)));
    String conf = SplPackage.savedSearches(target, compiled, "savedsearches.conf written by detectc "
        + VersionProvider.version() + " (target spl, profile " + profile.name() + ")");
    if (files == null) {
      out.print(conf);
      return 0;
    }
    try {
      files.write("savedsearches.conf", conf);
      return 0;
    } catch (IOException e) {
      err.println("detectc: cannot write " + output.resolve("savedsearches.conf") + ": " + e.getMessage());
      return 1;
    }
  }

  /** A comment line: {@code //} in KQL and the others; SPL comments are triple backticks, so the text may hold none. */
  private static String comment(Target target, String text) {
    return target.name().equals("spl") ? "```" + text.replace('`', '\'') + "```" : "// " + text;
  }

  private static String jsonLine(CompiledRule rule, Target target, Profile profile) {
    ObjectNode node = Mappers.JSON.createObjectNode();
    node.put("file", rule.file());
    node.put("rule_id", rule.info().idValue());
    node.put("name", rule.info().nameValue());
    node.put("title", rule.info().title());
    node.put("target", target.name());
    node.put("profile", profile.name());
    if (rule.ok()) {
      node.put("query", rule.query().orElseThrow());
    } else {
      node.set("error", refusal(rule.error().get()));
    }
    if (!rule.warnings().isEmpty()) {
      rule.warnings().forEach(warning -> node.withArray("warnings").add(refusal(warning)));
    }
    return node.toString();
  }

  private static ObjectNode refusal(Refusal refusal) {
    ObjectNode node = Mappers.JSON.createObjectNode();
    node.put("code", refusal.code().id());
    node.put("message", refusal.message());
    return node;
  }

  private String extension(Target target) {
    switch (format) {
      case jsonl:
      case sentinel_arm:
        return ".json";
      case sentinel_yaml:
        return ".yaml";
      case kibana_ndjson:
        return ".ndjson";
      default:
        return target.name().equals("dsl") ? ".json" : "." + target.name();
    }
  }

  private static String baseName(CompiledRule rule) {
    if (rule.info().nameValue() != null) {
      return rule.info().nameValue();
    }
    if (rule.info().idValue() != null) {
      return rule.info().idValue();
    }
    String file = Path.of(rule.file()).getFileName().toString();
    return file.replaceFirst("\\.ya?ml$", "");
  }

  /** Keeps a header comment on one line whatever the rule's title holds. */
  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
  }

  /** Accepts the format names with dashes (sentinel-yaml). */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.valueOf(value.replace('-', '_'));
    }

    static String name(Format format) {
      return format.name().replace('_', '-');
    }
  }
}
