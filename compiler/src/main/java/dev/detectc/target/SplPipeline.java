package dev.detectc.target;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands a correlation adds after its event stream, in order, and the numbering of the
 * helper fields of nested correlations ({@code sigma_fired1}...). The outermost correlation's
 * fields carry no number, so the common single-correlation query reads plainly.
 */
final class SplPipeline {

  private final SplTemplates templates;
  private final boolean tagged;
  private final List<String> lines = new ArrayList<>();
  private int nested;
  private List<String> groups = List.of();

  SplPipeline(SplTemplates templates, boolean tagged) {
    this.templates = templates;
    this.tagged = tagged;
  }

  void add(String line) {
    lines.add(line);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** Rows come from several rules (or carry a referenced correlation's marks): members must be tested. */
  boolean tagged() {
    return tagged;
  }

  /** The suffix of a correlation's helper fields: empty for the outermost, a number for nested ones. */
  String suffix(boolean outermost) {
    return outermost ? "" : String.valueOf(++nested);
  }

  /** The outermost correlation's group-by fields on the result rows (what alerts are suppressed by). */
  void groups(List<String> outermost) {
    this.groups = List.copyOf(outermost);
  }

  List<String> groups() {
    return groups;
  }

  SplTemplates templates() {
    return templates;
  }
}
