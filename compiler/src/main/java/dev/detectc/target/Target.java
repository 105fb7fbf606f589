package dev.detectc.target;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A loaded target: its spec, its escaper, its template engine and its profiles (loaded on first use). */
public final class Target {

  private final TargetSpec spec;
  private final Escaper escaper;
  private final TemplateEngine templates;
  private final Map<String, Profile> profiles = new ConcurrentHashMap<>();
  private final Map<String, OpenMapping> openMappings = new ConcurrentHashMap<>();

  private Target(TargetSpec spec) {
    this.spec = spec;
    this.escaper = escaper(spec);
    this.templates = new TemplateEngine(spec.name(), escaper);
  }

  /** Loads {@code targets/<name>/}; IllegalArgumentException when there is no such target. */
  public static Target load(String name) {
    return new Target(TargetSpec.load(name));
  }

  private static Escaper escaper(TargetSpec spec) {
    switch (spec.escaper()) {
      case "kql":
        return new KqlEscaper(spec.reserved());
      case "test":
        return new TestEscaper();
      case "lucene":
        return new LuceneEscaper();
      case "eql":
        return new EqlEscaper();
      case "esql":
        return new EsqlEscaper();
      case "dsl":
        return new DslEscaper();
      case "spl":
        return new SplEscaper();
      default:
        throw new IllegalStateException(spec.name() + ": unknown escaper '" + spec.escaper() + "'");
    }
  }

  public TargetSpec spec() {
    return spec;
  }

  public Escaper escaper() {
    return escaper;
  }

  public TemplateEngine templates() {
    return templates;
  }

  public String name() {
    return spec.name();
  }

  /** The profile {@code name}; IllegalArgumentException when the target does not list it. */
  public Profile profile(String name) {
    if (!spec.profiles().contains(name)) {
      throw new IllegalArgumentException("target " + spec.name() + " has no profile '" + name + "' (profiles: "
          + String.join(", ", spec.profiles()) + ")");
    }
    return profiles.computeIfAbsent(name, key -> Profile.load(spec.profileHome(), key));
  }

  /** The index patterns, renames and types of an open profile (empty sections for a profile without them). */
  public OpenMapping openMapping(Profile profile) {
    return openMappings.computeIfAbsent(profile.name(), key -> OpenMapping.load(spec.profileHome(), key));
  }
}
