#!/usr/bin/env node
'use strict';
/*
 * check.js: check KQL text with Microsoft's own Kusto parser and binder
 * (@kusto/language-service-next, the Bridge.NET build of Kusto.Language).
 *
 * Input: JSON lines on stdin, one query each:
 *   {"id": "...", "query": "...", "schema": "sentinel", "mode": "check"}
 * Output: one JSON line per input line, in order:
 *   {"id": ..., "ok": true|false, "errors": [{"code", "severity", "message",
 *    "start", "length", "line", "column"}], "literals": ["decoded value", ...]}
 * The full contract is in README.md beside this file.
 *
 * What is checked, and why:
 *
 * - Table queries (schema = a database name, "sentinel" or "defender", or the name
 *   of a table or function, which picks the first database that declares it) get
 *   the full parse + semantic bind, exactly what Microsoft's Sentinel CI runs:
 *   unknown tables, columns and functions, wrong argument names, operators that are
 *   not defined for the operand types, syntax errors, and KS245 when the syntax tree
 *   is deeper than the binder's safe limit. A query that binds cleanly must also be
 *   a query returning a table (DC005): the parser accepts an empty text, a bare
 *   scalar or a control command without complaint; and it must be one query
 *   (DC006): `T | take 1; U | take 1` is a valid batch of two. The databases are built once, at start,
 *   from the table and function files in targets/kql/schemas/.
 *
 * - Open predicates (schema = "open") are the bare boolean expressions a profile
 *   without a table renders. Kusto has no table that accepts any column with a
 *   type (an "open" TableSymbol accepts any name but types it `unknown`, which
 *   turns the type checker off), so they are checked in two passes:
 *     1. the predicate is wrapped as `SigmaEvents\n| where <predicate>` and parsed;
 *        the parse tree gives the column names the predicate refers to (name
 *        references that are not function names, path members or the table). Only
 *        when an ordering comparison has a non-literal operand (`> ago(1h)`) is the
 *        text also bound against an open, column-free SigmaEvents, for that type;
 *     2. SigmaEvents is declared closed, with exactly those columns, and the same
 *        text is bound. A column is `string` unless the predicate uses it as
 *        the root of a path or index (`a.b`, `a["b"]`: `dynamic`), or only in
 *        ordering comparisons (<, >, <=, >=, between) against a non-string value
 *        (that value's type). A column used both ways becomes `dynamic`. The
 *        input may pin types: "columns": {"EventID": "int"}.
 *   After a clean parse the tree must be exactly `SigmaEvents | where <expr>` with
 *   <expr> running to the end of the text: a predicate that smuggles in `| take 1`
 *   or `; print 1` parses fine but is reported (code DC001), because pasted after a
 *   real `T | where` it would change the query; so is a `//` comment (DC004), which
 *   would swallow the rest of the line it is pasted into. Offsets are mapped back to the
 *   predicate's own text. "open:<Table>" wraps the predicate over a real table of
 *   the schema files instead (one bind pass, no synthetic columns).
 *
 * - mode "literals" parses only (no binding: the table need not exist) and reports
 *   syntax errors; every mode returns the decoded value of every string-literal
 *   token (`"a\"b"`, `'x'`, `@"c:\x"`, `h"..."`, ```...```), in source order.
 *   Adjacent literals are separate tokens ('it''s' is "it" and "s", not "it's").
 *
 * ok is false when any diagnostic has severity Error; warnings are listed but do
 * not fail the query.
 */

const fs = require('fs');
const path = require('path');
const readline = require('readline');

require('@kusto/language-service-next/bridge.js');
require('@kusto/language-service-next/Kusto.Language.Bridge.js');

/* global Kusto, Bridge, System */
const K = Kusto.Language;
const SK = K.Syntax.SyntaxKind;
const SymbolKind = K.Symbols.SymbolKind;

const SCALAR_TYPES = new Set(['bool', 'boolean', 'int', 'long', 'real', 'double', 'decimal',
  'datetime', 'date', 'timespan', 'time', 'string', 'dynamic', 'guid', 'uuid', 'uniqueid']);
const OPEN_TABLE = 'SigmaEvents';
const DEFAULT_DB = 'sentinel';

// ---------------------------------------------------------------- schema files

function quoteName(name) {
  return "['" + name.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "']";
}

function schemaString(columns, where) {
  return '(' + columns.map((c) => {
    if (typeof c.name !== 'string' || !c.name) throw new Error(where + ': column without a name');
    const type = String(c.type || '').toLowerCase();
    if (!SCALAR_TYPES.has(type)) throw new Error(where + ': column ' + c.name + ' has unknown type ' + c.type);
    return quoteName(c.name) + ':' + type;
  }).join(', ') + ')';
}

/** Reads every *.json in dir: {globals: Map(database -> GlobalState), owner: Map(symbol name -> database)}. */
function loadSchemas(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const dbs = new Map();
  const owner = new Map(); // table or function name -> first database that declares it
  const add = (db, name, symbol) => {
    if (!dbs.has(db)) dbs.set(db, []);
    dbs.get(db).push(symbol);
    if (!owner.has(name)) owner.set(name, db);
  };
  for (const file of files) {
    const where = path.join(dir, file);
    const spec = JSON.parse(fs.readFileSync(where, 'utf8'));
    const databases = spec.databases || [DEFAULT_DB];
    const kind = spec.kind || 'table';
    for (const db of databases) {
      const variant = (spec.variants && spec.variants[db]) || spec;
      const schema = schemaString(variant.columns || [], where);
      if (kind === 'table') {
        add(db, spec.name, new K.Symbols.TableSymbol.$ctor7(spec.name, schema, spec.description || null));
      } else if (kind === 'function') {
        // The body only has to produce the documented output schema.
        const body = '{ datatable' + schema + '[] }';
        for (const name of [spec.name].concat(spec.aliases || [])) {
          add(db, name, new K.Symbols.FunctionSymbol.$ctor16(name, spec.parameters || '()', body, null));
        }
      } else {
        throw new Error(where + ': unknown kind ' + kind);
      }
    }
  }
  const globals = new Map();
  for (const [db, members] of dbs) {
    globals.set(db, K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.ctor(db, members)));
  }
  return { globals, owner };
}

// ---------------------------------------------------------------- helpers

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAndColumn(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** Diagnostics of the text `shift + userText`, as offsets into userText. */
function mapDiagnostics(list, shift, userText) {
  const starts = lineStarts(userText);
  return list.map((d) => {
    let start = d.Start - shift;
    let length = d.Length;
    if (start < 0) { length = Math.max(0, length + start); start = 0; }
    if (start > userText.length) start = userText.length;
    const lc = lineAndColumn(starts, start);
    return { code: d.Code, severity: d.Severity, message: d.Message, start, length, line: lc.line, column: lc.column };
  });
}

function stringLiterals(root) {
  const out = [];
  for (let t = root.GetFirstToken(true); t; t = t.GetNextToken(true)) {
    if (t.Kind === SK.StringLiteralToken) out.push(t.ValueText);
  }
  return out;
}

/** The top-level expression statements (the result-producing ones) of a query block. */
function queryStatements(code) {
  const list = code.Syntax.Statements;
  const out = [];
  if (!list) return out;
  for (let i = 0; i < list.Count; i++) {
    const element = list.getItem(i).Element;
    if (element && element.Kind === SK.ExpressionStatement) out.push(element);
  }
  return out;
}

function diagnosticsOf(code) {
  return Bridge.toArray(code.GetDiagnostics());
}

const ORDERING = new Set([SK.LessThanExpression, SK.LessThanOrEqualExpression,
  SK.GreaterThanExpression, SK.GreaterThanOrEqualExpression,
  SK.BetweenExpression, SK.NotBetweenExpression]);

const LITERAL_TYPES = new Map([[SK.LongLiteralExpression, 'long'], [SK.IntLiteralExpression, 'int'],
  [SK.RealLiteralExpression, 'real'], [SK.DecimalLiteralExpression, 'decimal'],
  [SK.DateTimeLiteralExpression, 'datetime'], [SK.TimespanLiteralExpression, 'timespan'],
  [SK.BooleanLiteralExpression, 'bool'], [SK.GuidLiteralExpression, 'guid'],
  [SK.StringLiteralExpression, 'string'], [SK.CompoundStringLiteralExpression, 'string']]);

/** True when the NameReference n names a column (not a function, a path member or the table). */
function isColumnReference(n, table) {
  const parent = n.Parent;
  if (!parent || !n.SimpleName || n.IsMissing) return false;
  if (parent.Kind === SK.FunctionCallExpression && parent.Name === n) return false;
  if (parent.Kind === SK.PathExpression && parent.Expression !== n) return false;
  if (parent.Kind === SK.PipeExpression && n.SimpleName === table && n.TextStart === 0) return false;
  return true;
}

/**
 * Column names the open predicate refers to, with the type each should get.
 * Works on the parse tree alone; returns null when an ordering comparison has an
 * operand that is not a literal and `bound` is false (the caller then binds first).
 */
function collectColumns(code, table, pinned, bound) {
  const uses = new Map(); // name -> {path, ordered:Set(types), other}
  let unsure = false;
  const typeOf = (e) => {
    if (!e) return null;
    if (bound) return e.ResultType ? e.ResultType.Name : null;
    if (LITERAL_TYPES.has(e.Kind)) return LITERAL_TYPES.get(e.Kind);
    if (e.Kind === SK.UnaryMinusExpression || e.Kind === SK.UnaryPlusExpression) return typeOf(e.Expression);
    if (e.Kind !== SK.NameReference) unsure = true;
    return null;
  };
  code.Syntax.WalkNodes((n) => {
    if (n.Kind !== SK.NameReference || !isColumnReference(n, table)) return;
    const name = n.SimpleName;
    if (!uses.has(name)) uses.set(name, { path: false, ordered: new Set(), other: false });
    const u = uses.get(name);
    const parent = n.Parent;
    if ((parent.Kind === SK.PathExpression || parent.Kind === SK.ElementExpression) && parent.Expression === n) {
      u.path = true;
    } else if (ORDERING.has(parent.Kind)) {
      let other = null;
      if (parent.Kind === SK.BetweenExpression || parent.Kind === SK.NotBetweenExpression) {
        if (parent.Left === n && parent.Right) other = parent.Right.First;
      } else {
        other = parent.Left === n ? parent.Right : parent.Left;
      }
      const t = typeOf(other);
      if (t && t !== 'string' && t !== 'unknown' && t !== 'dynamic' && SCALAR_TYPES.has(t)) u.ordered.add(t);
      else u.other = true;
    } else {
      u.other = true;
    }
  });
  if (unsure) return null;
  const columns = [];
  for (const [name, u] of uses) {
    let type = 'string';
    if (pinned && typeof pinned[name] === 'string') type = pinned[name].toLowerCase();
    else if (u.path) type = 'dynamic';
    else if (u.ordered.size === 1 && !u.other) type = [...u.ordered][0];
    else if (u.ordered.size > 0) type = 'dynamic';
    columns.push({ name, type });
  }
  return columns;
}

/**
 * After a clean parse of `<table>\n| where <pred>`, the where must be the whole query.
 * Returns a diagnostic-like object or null.
 */
function escapeCheck(code, table, shift) {
  let filter = null;
  code.Syntax.WalkNodes((n) => {
    if (filter || n.Kind !== SK.FilterOperator) return;
    const pipe = n.Parent;
    if (pipe && pipe.Kind === SK.PipeExpression && pipe.Expression && pipe.Expression.Kind === SK.NameReference &&
        pipe.Expression.SimpleName === table && pipe.Expression.TextStart === 0) filter = n;
  });
  if (!filter || !filter.Condition) {
    return { Code: 'DC001', Severity: 'Error', Message: 'the predicate is not a where-expression', Start: shift, Length: 0 };
  }
  const first = filter.Condition.GetFirstToken(true);
  const after = filter.Condition.GetLastToken(true).GetNextToken(true);
  if (first && first.TextStart < shift) {
    return { Code: 'DC001', Severity: 'Error', Message: 'the predicate starts inside the where clause', Start: shift, Length: 0 };
  }
  if (after && after.Kind !== SK.EndOfTextToken) {
    return { Code: 'DC001', Severity: 'Error',
      Message: "the predicate does not end the where clause: '" + after.Text + "' continues the query outside it",
      Start: after.TextStart, Length: after.Width };
  }
  // A comment would swallow whatever a template puts after the predicate on its line.
  for (let t = first; t; t = t.GetNextToken(true)) {
    const at = t.Trivia ? t.Trivia.indexOf('//') : -1;
    if (at >= 0) {
      return { Code: 'DC004', Severity: 'Error', Message: 'the predicate contains a comment',
        Start: t.TextStart - t.TriviaWidth + at, Length: 2 };
    }
  }
  return null;
}

// ---------------------------------------------------------------- checking

function failure(id, code, message) {
  return { id: id === undefined ? null : id, ok: false, literals: [],
    errors: [{ code, severity: 'Error', message, start: 0, length: 0, line: 1, column: 1 }] };
}

function makeChecker(schemas) {
  const probeGlobals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.ctor('open',
    [new K.Symbols.TableSymbol.$ctor7(OPEN_TABLE, '()', null).WithIsOpen(true)]));

  function globalsFor(schema) {
    const name = schema || DEFAULT_DB;
    if (schemas.globals.has(name)) return schemas.globals.get(name);
    if (schemas.owner.has(name)) return schemas.globals.get(schemas.owner.get(name));
    return null;
  }

  function checkOpen(req, table) {
    const predicate = req.query;
    const prefix = table + '\n| where ';
    const text = prefix + predicate;
    let globals;
    let declared = null;
    if (table === OPEN_TABLE) {
      // Parse-only first; bind against the open table only when an ordering
      // comparison needs the type of a non-literal operand (e.g. `> ago(1h)`).
      let columns = collectColumns(K.KustoCode.Parse(text, probeGlobals), table, req.columns, false);
      if (!columns) columns = collectColumns(K.KustoCode.ParseAndAnalyze(text, probeGlobals), table, req.columns, true);
      declared = {};
      for (const c of columns) declared[c.name] = c.type;
      let schema;
      try {
        schema = schemaString(columns, 'columns');
      } catch (e) {
        return inputError(req, e.message);
      }
      const sigma = new K.Symbols.TableSymbol.$ctor7(OPEN_TABLE, schema, null);
      globals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.ctor('open', [sigma]));
    } else {
      globals = globalsFor(table);
      if (!globals) return unknownSchema(req, 'open:' + table);
    }
    const code = K.KustoCode.ParseAndAnalyze(text, globals);
    const diags = diagnosticsOf(code);
    if (Bridge.toArray(code.GetSyntaxDiagnostics()).length === 0) {
      const escape = escapeCheck(code, table, prefix.length);
      if (escape) diags.push(escape);
    }
    const result = finish(req, diags, prefix.length, code);
    if (declared) result.columns = declared;
    return result;
  }

  function checkTable(req) {
    const globals = globalsFor(req.schema);
    if (!globals) return unknownSchema(req, req.schema);
    const code = K.KustoCode.ParseAndAnalyze(req.query, globals);
    const diags = diagnosticsOf(code);
    // A detection is a query returning rows; the parser itself accepts an empty text,
    // a bare scalar (`2.5`) or a control command (`.show tables`) without a word.
    if (!diags.some((d) => d.Severity === 'Error')) {
      const type = code.ResultType;
      if (code.Kind !== 'Query' || !type || type.Kind !== SymbolKind.Table) {
        diags.push({ Code: 'DC005', Severity: 'Error', Start: 0, Length: 0,
          Message: code.Kind !== 'Query' ? 'not a query (' + code.Kind + ')' : 'the query does not return a table' });
      } else {
        const second = queryStatements(code)[1];
        if (second) {
          diags.push({ Code: 'DC006', Severity: 'Error', Start: second.TextStart, Length: second.Width,
            Message: 'more than one query statement: a detection is a single query' });
        }
      }
    }
    return finish(req, diags, 0, code);
  }

  function checkLiterals(req) {
    const code = K.KustoCode.Parse(req.query, K.GlobalState.Default);
    return finish(req, Bridge.toArray(code.GetSyntaxDiagnostics()), 0, code);
  }

  function finish(req, diags, shift, code) {
    const errors = mapDiagnostics(diags, shift, req.query);
    return {
      id: req.id,
      ok: !errors.some((e) => e.severity === 'Error'),
      errors,
      literals: stringLiterals(code.Syntax),
    };
  }

  function unknownSchema(req, schema) {
    return failure(req.id, 'DC002', 'unknown schema: ' + schema);
  }

  function inputError(req, message) {
    return failure(req.id, 'DC003', message);
  }

  return function check(req) {
    if (req === null || typeof req !== 'object' || Array.isArray(req)) {
      return failure(null, 'DC003', 'input line is not a JSON object');
    }
    if (typeof req.query !== 'string') return inputError(req, 'input has no "query" string');
    if (req.mode === 'literals') return checkLiterals(req);
    const schema = typeof req.schema === 'string' ? req.schema : '';
    if (schema === 'open') return checkOpen(req, OPEN_TABLE);
    if (schema.startsWith('open:')) return checkOpen(req, schema.slice(5));
    return checkTable(req);
  };
}

// ---------------------------------------------------------------- main

function main(argv) {
  let dir = process.env.KUSTO_CHECK_SCHEMAS || path.join(__dirname, '..', '..', 'targets', 'kql', 'schemas');
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--schemas' && i + 1 < argv.length) dir = argv[++i];
    else if (argv[i] === '--list') list = true;
    else {
      process.stderr.write('usage: check.js [--schemas DIR] [--list] < queries.jsonl > results.jsonl\n');
      process.exit(3);
    }
  }
  const schemas = loadSchemas(dir);
  if (list) {
    for (const [db, g] of schemas.globals) {
      const names = Bridge.toArray(g.Database.Members).map((m) => m.Name);
      process.stdout.write(JSON.stringify({ database: db, members: names }) + '\n');
    }
    return;
  }
  const check = makeChecker(schemas);
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    if (!line.trim()) return;
    let result;
    let req = null;
    try {
      req = JSON.parse(line);
      result = check(req);
    } catch (e) {
      const parsed = req !== null && typeof req === 'object';
      result = failure(parsed ? req.id : null, parsed ? 'DC999' : 'DC003',
        (parsed ? 'internal error: ' : 'input line is not JSON: ') + String((e && e.message) || e));
    }
    process.stdout.write(JSON.stringify(result) + '\n');
  });
}

main(process.argv.slice(2));
