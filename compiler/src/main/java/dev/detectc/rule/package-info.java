/**
 * The Sigma rule model (detection, correlation and filter rules) and {@link dev.detectc.rule.RuleLoader},
 * which reads YAML through SnakeYAML's node API so every key and value keeps its position.
 *
 * <p>Depends only on {@code source}. The model is raw but typed: modifiers are recognised here,
 * their meaning is resolved later by {@code ir.Lowering}.
 */
package dev.detectc.rule;
