/**
 * detectc: a Sigma detection-rule compiler.
 *
 * <pre>
 * rule.yml ─ SnakeYAML compose ─► rule model (rule) ─ ANTLR ─► condition AST (condition)
 *          ─ Lowering ─► IR (ir) ─► target renderer (target) ─► query text ─► SIEM API (push)
 *                               └─► matcher compiler (eval) ─► alerts
 * </pre>
 *
 * Packages depend one way only: cli → push → target / eval / lint → ir → condition / rule → source.
 */
package dev.detectc;
