package dev.detectc.testing.spl;

import dev.detectc.testing.spl.grammar.SplQueryParser;
import dev.detectc.testing.spl.grammar.SplQueryParser.CommandContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a query of the emitted SPL subset over events, as Splunk would: the initial search
 * returns events newest first, each command transforms the list of rows in order. Used by the
 * tests to show that the SPL the target writes means what the Sigma evaluator means.
 */
public final class SplInterpreter {

  private SplInterpreter() {}

  /** The rows the query returns over {@code events} (given in any order). */
  public static List<Row> run(String query, List<Row> events) {
    SplQueryParser.PipelineContext pipeline = SplParsing.parse(query).pipeline();
    List<Row> newestFirst = newestFirst(events);
    List<Row> rows;
    List<CommandContext> commands;
    if (pipeline instanceof SplQueryParser.SearchPipelineContext) {
      SplQueryParser.SearchPipelineContext search = (SplQueryParser.SearchPipelineContext) pipeline;
      rows = filter(newestFirst, search.search);
      commands = search.command();
    } else {
      SplQueryParser.GeneratingPipelineContext generating = (SplQueryParser.GeneratingPipelineContext) pipeline;
      rows = generate(generating.generating(), newestFirst);
      commands = generating.command();
    }
    for (CommandContext command : commands) {
      rows = Commands.apply(command, rows);
    }
    return rows;
  }

  private static List<Row> generate(SplQueryParser.GeneratingContext generating, List<Row> events) {
    if (!(generating instanceof SplQueryParser.MultisearchContext)) {
      throw new UnmodelledException("tstats reads accelerated data models, which the interpreter does not hold");
    }
    List<Row> merged = new ArrayList<>();
    for (SplQueryParser.SubsearchContext subsearch : ((SplQueryParser.MultisearchContext) generating).subsearch()) {
      List<Row> rows = filter(events, subsearch.searchExpr());
      for (CommandContext command : subsearch.command()) {
        if (!Commands.streaming(command)) {
          throw new UnmodelledException("multisearch only runs streaming commands: " + command.getText());
        }
        rows = Commands.apply(command, rows);
      }
      merged.addAll(rows);
    }
    // multisearch interleaves its subsearches' events in time order, newest first.
    return newestFirst(merged);
  }

  private static List<Row> filter(List<Row> rows, SplQueryParser.SearchExprContext search) {
    return rows.stream().filter(row -> SearchExpressions.matches(search, row)).toList();
  }

  /** Newest first, ties in reverse arrival order, as Splunk returns events. */
  static List<Row> newestFirst(List<Row> events) {
    List<Row> ordered = new ArrayList<>(events);
    java.util.Collections.reverse(ordered);
    ordered.sort(Comparator.comparing(Row::time, Comparator.<BigDecimal>reverseOrder()));
    return ordered;
  }
}
