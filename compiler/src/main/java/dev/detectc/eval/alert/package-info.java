/**
 * Alerts, the evaluator's output: which rule fired on which event, and for correlations the
 * group, contributing events, time span and aggregated value; with their JSONL and text forms.
 * Depends on {@code rule} and {@code eval.input}.
 */
package dev.detectc.eval.alert;
