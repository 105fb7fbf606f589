package dev.detectc.target.elastic;

import java.util.List;
import java.util.Objects;

/**
 * One Kibana detection-engine rule as {@code _import} accepts it: the compiled query, its type
 * and language, and the schedule; the metadata comes from the Sigma rule.
 */
public record KibanaRule(Type type, String query, List<String> index, Threshold threshold, String interval,
    String from) {

  /** The detection-engine rule types detectc emits, with their query language. */
  public enum Type {
    QUERY("query", "lucene"),
    EQL("eql", "eql"),
    ESQL("esql", "esql"),
    THRESHOLD("threshold", "lucene");

    private final String id;
    private final String language;

    Type(String id, String language) {
      this.id = id;
      this.language = language;
    }

    public String id() {
      return id;
    }

    public String language() {
      return language;
    }
  }

  /** A threshold rule's grouping fields and minimum count of events per group. */
  public record Threshold(List<String> fields, long value) {
    public Threshold {
      fields = List.copyOf(fields);
      if (value < 1) {
        throw new IllegalArgumentException("a threshold is at least 1");
      }
    }
  }

  public KibanaRule {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(query, "query");
    index = List.copyOf(index);
    if ((type == Type.THRESHOLD) != (threshold != null)) {
      throw new IllegalArgumentException("threshold rules, and only they, carry a threshold");
    }
  }
}
