package dev.detectc.target;

import freemarker.core.CommonTemplateMarkupOutputModel;

/** A piece of query text the renderer has already built and escaped; templates insert it as is. */
public final class QueryMarkup extends CommonTemplateMarkupOutputModel<QueryMarkup> {

  private final QueryOutputFormat format;

  QueryMarkup(String plainTextContent, String markupContent, QueryOutputFormat format) {
    super(plainTextContent, markupContent);
    this.format = format;
  }

  @Override
  public QueryOutputFormat getOutputFormat() {
    return format;
  }
}
