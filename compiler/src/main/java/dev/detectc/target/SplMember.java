package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import java.util.List;
import java.util.Objects;

/**
 * One document a correlation references, as its rows appear in the stream: the eval test that
 * a row belongs to it (null when every row does) and, for a referenced correlation, the fields
 * that hold its group-by values on the rows where it held.
 */
record SplMember(IrDocument document, String test, List<String> groups) {

  SplMember {
    Objects.requireNonNull(document, "document");
    groups = List.copyOf(groups);
  }

  String name() {
    return IrCorrelation.referenceName(document);
  }

  boolean correlation() {
    return document instanceof IrCorrelation;
  }
}
