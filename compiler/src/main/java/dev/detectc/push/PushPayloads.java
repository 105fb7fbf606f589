package dev.detectc.push;

import dev.detectc.ir.IrDocument;
import dev.detectc.source.Diagnostics;
import java.util.Optional;

/**
 * Turns a lowered rule into the desired state of one SIEM object. A target's packaging writer
 * implements it (Kibana rule JSON, Splunk saved-search fields, Sentinel alert rule), so that
 * {@code push} ships exactly what {@code compile} would have written.
 */
public interface PushPayloads {

  /** The SIEM whose API the bodies are shaped for. */
  Siem siem();

  /**
   * The desired state of {@code document}, or empty after reporting into {@code diagnostics}
   * why the target cannot express it.
   */
  Optional<DesiredRule> desiredState(IrDocument document, Diagnostics diagnostics);
}
