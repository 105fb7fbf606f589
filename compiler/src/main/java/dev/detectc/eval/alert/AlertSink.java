package dev.detectc.eval.alert;

/** Receives alerts as the evaluator produces them. */
@FunctionalInterface
public interface AlertSink {

  void alert(Alert alert);
}
