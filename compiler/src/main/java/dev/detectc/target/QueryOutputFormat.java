package dev.detectc.target;

import freemarker.core.CommonMarkupOutputFormat;
import java.io.IOException;
import java.io.Writer;

/**
 * The FreeMarker output format of one target's templates: what the renderer hands a template
 * is already-escaped query text ({@link QueryMarkup}); any plain string that reaches a template
 * anyway is written as a complete string literal of the target, so it can never become code.
 */
public final class QueryOutputFormat extends CommonMarkupOutputFormat<QueryMarkup> {

  private final String name;
  private final Escaper escaper;

  public QueryOutputFormat(String target, Escaper escaper) {
    this.name = "detectc-" + target;
    this.escaper = escaper;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getMimeType() {
    return null;
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(escapePlainText(textToEsc));
  }

  @Override
  public String escapePlainText(String plainTextContent) {
    return escaper.string(plainTextContent);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected QueryMarkup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new QueryMarkup(plainTextContent, markupContent, this);
  }
}
