package dev.detectc.eval;

import com.google.re2j.PatternSyntaxException;
import dev.detectc.eval.input.FieldPath;
import dev.detectc.ir.And;
import dev.detectc.ir.BoolMatch;
import dev.detectc.ir.CidrMatch;
import dev.detectc.ir.FieldExists;
import dev.detectc.ir.FieldRef;
import dev.detectc.ir.IrExpr;
import dev.detectc.ir.IsNull;
import dev.detectc.ir.KeywordMatch;
import dev.detectc.ir.Not;
import dev.detectc.ir.NumericCompare;
import dev.detectc.ir.Or;
import dev.detectc.ir.Placeholder;
import dev.detectc.ir.RegexFlag;
import dev.detectc.ir.RegexMatch;
import dev.detectc.ir.StringMatch;
import dev.detectc.ir.TimePart;
import dev.detectc.source.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles IR into a tree of {@link EventMatcher}s. A construct the evaluator cannot run (an
 * unresolved placeholder, a regex outside RE2's linear-time syntax) throws {@link Unsupported},
 * which the caller turns into an error for that one rule.
 */
public final class MatcherCompiler implements IrExpr.Visitor<EventMatcher> {

  /** Field paths are shared between matchers of one compiler: the same name resolves the same way. */
  private final Map<String, FieldPath> paths = new HashMap<>();

  /** Why an expression cannot be compiled, with the diagnostic code to report it under. */
  public static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final DiagnosticCode code;

    Unsupported(DiagnosticCode code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    public DiagnosticCode code() {
      return code;
    }
  }

  public EventMatcher compile(IrExpr expression) {
    return expression.accept(this);
  }

  private FieldPath path(String field) {
    return paths.computeIfAbsent(field, FieldPath::of);
  }

  private List<EventMatcher> all(List<IrExpr> terms) {
    return terms.stream().map(term -> term.accept(this)).toList();
  }

  @Override
  public EventMatcher visitAnd(And and) {
    return new AndMatcher(all(and.terms()));
  }

  /**
   * String comparisons of one field become one matcher that looks the field up once: a Sigma
   * value list ({@code field: [a, b, c]}) lowers to an Or of one comparison per value. Or's terms
   * are pure tests, so gathering them ahead of the other terms cannot change the answer.
   */
  @Override
  public EventMatcher visitOr(Or or) {
    Map<String, List<TextTest>> byField = new LinkedHashMap<>();
    List<EventMatcher> others = new ArrayList<>();
    for (IrExpr term : or.terms()) {
      if (term instanceof StringMatch match) {
        byField.computeIfAbsent(match.field(), field -> new ArrayList<>()).add(textTest(match));
      } else {
        others.add(term.accept(this));
      }
    }
    List<EventMatcher> terms = new ArrayList<>();
    byField.forEach((field, tests) -> terms.add(new StringMatcher(path(field), tests)));
    terms.addAll(others);
    return terms.size() == 1 ? terms.get(0) : new OrMatcher(terms);
  }

  @Override
  public EventMatcher visitNot(Not not) {
    return new NotMatcher(not.operand().accept(this));
  }

  @Override
  public EventMatcher visitString(StringMatch match) {
    return new StringMatcher(path(match.field()), List.of(textTest(match)));
  }

  private static TextTest textTest(StringMatch match) {
    return TextTest.of(match.kind(), match.pattern(), match.cased());
  }

  @Override
  public EventMatcher visitKeyword(KeywordMatch match) {
    return new KeywordMatcher(TextTest.of(match.kind(), match.pattern(), match.cased()));
  }

  @Override
  public EventMatcher visitRegex(RegexMatch match) {
    int flags = (match.has(RegexFlag.IGNORECASE) ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0)
        | (match.has(RegexFlag.MULTILINE) ? com.google.re2j.Pattern.MULTILINE : 0)
        | (match.has(RegexFlag.DOTALL) ? com.google.re2j.Pattern.DOTALL : 0);
    try {
      return new RegexMatcher(path(match.field()), com.google.re2j.Pattern.compile(match.regex(), flags));
    } catch (PatternSyntaxException e) {
      throw new Unsupported(DiagnosticCode.INVALID_REGEX, "the regular expression '" + match.regex() + "' on "
          + match.field() + " uses a construct RE2 does not support (lookaround, backreferences, possessive"
          + " quantifiers): " + e.getDescription() + "; the evaluator only runs linear-time regexes");
    }
  }

  @Override
  public EventMatcher visitCidr(CidrMatch match) {
    return new CidrMatcher(path(match.field()), match.network().bytes(), match.network().prefixLength());
  }

  @Override
  public EventMatcher visitNumeric(NumericCompare compare) {
    return new NumberMatcher(path(compare.field()), compare.op(), compare.value());
  }

  @Override
  public EventMatcher visitBool(BoolMatch match) {
    return new BoolMatcher(path(match.field()), match.value());
  }

  @Override
  public EventMatcher visitExists(FieldExists exists) {
    return new ExistsMatcher(path(exists.field()));
  }

  @Override
  public EventMatcher visitNull(IsNull isNull) {
    return new NullMatcher(path(isNull.field()));
  }

  @Override
  public EventMatcher visitFieldRef(FieldRef ref) {
    return new FieldRefMatcher(path(ref.field()), path(ref.otherField()), ref.kind(), ref.cased());
  }

  @Override
  public EventMatcher visitTimePart(TimePart part) {
    return new TimePartMatcher(path(part.field()), part.unit(), part.op(), part.value());
  }

  @Override
  public EventMatcher visitPlaceholder(Placeholder placeholder) {
    throw new Unsupported(DiagnosticCode.UNRESOLVED_PLACEHOLDER, "placeholder %" + placeholder.name() + "% on "
        + placeholder.field() + " has no value: give an environment file with --env that defines it");
  }
}
