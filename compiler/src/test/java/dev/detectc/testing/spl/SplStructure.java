package dev.detectc.testing.spl;

import dev.detectc.testing.spl.grammar.SplQueryParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The structural check every emitted query must pass: it parses with the subset grammar (so its
 * quotes and parentheses balance, only the subset's commands follow a pipe, search values are
 * quoted strings or numbers, eval fields are quoted), it holds no raw control character but the
 * line breaks between commands, and each line after the first starts a command or a
 * multisearch subsearch.
 */
public final class SplStructure {

  private SplStructure() {}

  /** The command names of the query, in order ({@code search} first for a search pipeline); throws on any violation. */
  public static List<String> check(String query) {
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
        throw new SplSyntaxException("raw control character U+" + Integer.toHexString(c) + " at offset " + i);
      }
    }
    String[] lines = query.split("\n", -1);
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].startsWith("| ") && !lines[i].startsWith("    [search ")) {
        throw new SplSyntaxException("line " + (i + 1) + " starts neither a command nor a subsearch: " + lines[i]);
      }
    }
    SplQueryParser.PipelineContext pipeline = SplParsing.parse(query).pipeline();
    List<String> commands = new ArrayList<>();
    if (pipeline instanceof SplQueryParser.SearchPipelineContext) {
      commands.add("search");
      ((SplQueryParser.SearchPipelineContext) pipeline).command().forEach(command -> commands.add(command.getStart().getText()));
    } else {
      SplQueryParser.GeneratingPipelineContext generating = (SplQueryParser.GeneratingPipelineContext) pipeline;
      commands.add(generating.generating().getStart().getText());
      generating.command().forEach(command -> commands.add(command.getStart().getText()));
    }
    return commands;
  }
}
