package dev.detectc.target;

import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FreeMarker set up for one target and locked down: exceptions are rethrown and never logged,
 * {@code ?new} and the API built-ins are off, missing values fail, the compatibility level is
 * pinned, and the output format escapes any raw string as a literal. Templates come from
 * {@code targets/<name>/} on the classpath or from target.yaml, and must pass {@link TemplateRules}.
 */
public final class TemplateEngine {

  private final String target;
  private final Configuration configuration;
  private final QueryOutputFormat format;
  private final Map<String, Template> cache = new ConcurrentHashMap<>();

  public TemplateEngine(String target, Escaper escaper) {
    this.target = target;
    this.format = new QueryOutputFormat(target, escaper);
    configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setTemplateLoader(new CheckedLoader("targets/" + target + "/"));
    configuration.setDefaultEncoding("UTF-8");
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    configuration.setAPIBuiltinEnabled(false);
    configuration.setTagSyntax(Configuration.ANGLE_BRACKET_TAG_SYNTAX);
    configuration.setInterpolationSyntax(Configuration.DOLLAR_INTERPOLATION_SYNTAX);
    configuration.setOutputFormat(format);
    configuration.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
    configuration.setLocalizedLookup(false);
  }

  /** Already-escaped query text, inserted by templates as is. */
  public QueryMarkup markup(String text) {
    try {
      return format.fromMarkup(text);
    } catch (TemplateModelException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<QueryMarkup> markup(List<String> texts) {
    return texts.stream().map(this::markup).toList();
  }

  /** Renders the template file {@code targets/<target>/<file>}. */
  public String renderFile(String file, Map<String, Object> model) {
    return render(cache.computeIfAbsent("file:" + file, key -> {
      try {
        return configuration.getTemplate(file);
      } catch (IOException e) {
        throw new IllegalStateException(target + ": cannot load template " + file + ": " + e.getMessage(), e);
      }
    }), model);
  }

  /** Renders a one-line template from target.yaml, compiled once under {@code name}. */
  public String renderInline(String name, String source, Map<String, Object> model) {
    return render(cache.computeIfAbsent("inline:" + name, key -> {
      List<String> problems = TemplateRules.violations(source);
      if (!problems.isEmpty()) {
        throw new IllegalStateException(target + ": template '" + name + "' breaks the template rules: " + problems);
      }
      try {
        return new Template(target + ":" + name, new StringReader(source), configuration);
      } catch (IOException e) {
        throw new IllegalStateException(target + ": template '" + name + "' does not parse: " + e.getMessage(), e);
      }
    }), model);
  }

  private String render(Template template, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      template.process(model, out);
    } catch (TemplateException | IOException e) {
      throw new IllegalStateException(target + ": template " + template.getName() + " failed: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /** Loads template files from the classpath and refuses any that breaks {@link TemplateRules}. */
  private static final class CheckedLoader implements TemplateLoader {
    private final String prefix;

    CheckedLoader(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Object findTemplateSource(String name) {
      return TemplateEngine.class.getClassLoader().getResource(prefix + name) == null ? null : prefix + name;
    }

    @Override
    public long getLastModified(Object templateSource) {
      return -1;
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) throws IOException {
      String text;
      try (InputStream in = TemplateEngine.class.getClassLoader().getResourceAsStream((String) templateSource)) {
        if (in == null) {
          throw new IOException("missing " + templateSource);
        }
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      List<String> problems = TemplateRules.violations(text);
      if (!problems.isEmpty()) {
        throw new UncheckedIOException(new IOException(templateSource + " breaks the template rules: " + problems));
      }
      return new StringReader(text);
    }

    @Override
    public void closeTemplateSource(Object templateSource) {}
  }
}
