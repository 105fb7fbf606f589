package dev.detectc.target.elastic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

  /**
   * A threshold rule's grouping fields (at most {@link #MAX_FIELDS}, as Kibana validates), minimum
   * count of events per group and, for a count of distinct values, the cardinality Kibana checks
   * per group (written as the one-entry list {@code threshold.cardinality}).
   */
  public record Threshold(List<String> fields, long value, Optional<Cardinality> cardinality) {

    /** Kibana's create and import routes reject more group-by fields ("Number of fields must be 3 or less"). */
    public static final int MAX_FIELDS = 3;

    public Threshold {
      fields = List.copyOf(fields);
      Objects.requireNonNull(cardinality, "cardinality");
      if (value < 1) {
        throw new IllegalArgumentException("a threshold is at least 1");
      }
      if (fields.size() > MAX_FIELDS) {
        throw new IllegalArgumentException("a threshold groups by at most " + MAX_FIELDS + " fields");
      }
      if (cardinality.isPresent() && fields.contains(cardinality.get().field())) {
        throw new IllegalArgumentException("a cardinality on a grouped field is always 1");
      }
    }

    public Threshold(List<String> fields, long value) {
      this(fields, value, Optional.empty());
    }

    public Threshold(List<String> fields, long value, Cardinality cardinality) {
      this(fields, value, Optional.of(cardinality));
    }
  }

  /** A minimum number of distinct values of {@code field} in a group. */
  public record Cardinality(String field, long value) {
    public Cardinality {
      Objects.requireNonNull(field, "field");
      if (value < 0) {
        throw new IllegalArgumentException("a cardinality is at least 0");
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
