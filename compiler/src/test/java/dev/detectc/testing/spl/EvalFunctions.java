package dev.detectc.testing.spl;

import dev.detectc.ir.Cidr;
import dev.detectc.testing.spl.grammar.SplQueryParser.EvalExprContext;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The eval functions the spl target emits, with the behaviour Splunk documents for them. */
final class EvalFunctions {

  private EvalFunctions() {}

  static Value call(String name, List<EvalExprContext> args, EvalExpressions eval, String text) {
    switch (name) {
      case "isnull":
        arity(args, 1, text);
        return new Value.Bool(args.get(0).accept(eval) == null);
      case "isnotnull":
        arity(args, 1, text);
        return new Value.Bool(args.get(0).accept(eval) != null);
      case "null":
        arity(args, 0, text);
        return null;
      case "mvfind":
        return mvfind(args, eval, text);
      case "cidrmatch":
        return cidrmatch(args, eval, text);
      case "lower":
        arity(args, 1, text);
        Value value = args.get(0).accept(eval);
        return value == null ? null : new Value.Text(Value.text(value).toLowerCase(Locale.ROOT));
      case "len":
        arity(args, 1, text);
        Value measured = args.get(0).accept(eval);
        return measured == null ? null : new Value.Num(BigDecimal.valueOf(Value.text(measured).length()));
      case "substr":
        return substr(args, eval, text);
      case "tonumber":
        arity(args, 1, text);
        BigDecimal number = Value.number(args.get(0).accept(eval));
        return number == null ? null : new Value.Num(number);
      case "if":
        arity(args, 3, text);
        return condition(args.get(0).accept(eval), text) ? args.get(1).accept(eval) : args.get(2).accept(eval);
      case "case":
        if (args.size() % 2 != 0) {
          throw new UnmodelledException("case() takes condition/value pairs: " + text);
        }
        for (int i = 0; i < args.size(); i += 2) {
          if (condition(args.get(i).accept(eval), text)) {
            return args.get(i + 1).accept(eval);
          }
        }
        return null;
      case "coalesce":
        for (EvalExprContext arg : args) {
          Value candidate = arg.accept(eval);
          if (candidate != null) {
            return candidate;
          }
        }
        return null;
      case "mvcount":
        arity(args, 1, text);
        Value counted = args.get(0).accept(eval);
        return counted == null ? null : new Value.Num(BigDecimal.valueOf(Value.texts(counted).size()));
      default:
        throw new UnmodelledException("an eval function outside the emitted subset: " + name);
    }
  }

  /** The 0-based index of the first value the regular expression finds a match in, or null. */
  private static Value mvfind(List<EvalExprContext> args, EvalExpressions eval, String text) {
    arity(args, 2, text);
    Value subject = args.get(0).accept(eval);
    Pattern regex = Pattern.compile(Value.text(args.get(1).accept(eval)));
    List<String> values = Value.texts(subject);
    for (int i = 0; i < values.size(); i++) {
      if (regex.matcher(values.get(i)).find()) {
        return new Value.Num(BigDecimal.valueOf(i));
      }
    }
    return null;
  }

  /** True when the address lies in the network; false for text that is not an address. */
  private static Value cidrmatch(List<EvalExprContext> args, EvalExpressions eval, String text) {
    arity(args, 2, text);
    String[] problem = new String[1];
    Cidr network = Cidr.parse(Value.text(args.get(0).accept(eval)), problem)
        .orElseThrow(() -> new UnmodelledException("cidrmatch with an invalid network: " + problem[0]));
    Value address = args.get(1).accept(eval);
    if (address == null) {
      return null;
    }
    if (address instanceof Value.Multi) {
      throw new UnmodelledException("cidrmatch over a multivalue field: " + text);
    }
    String ip = Value.text(address).trim();
    if (!ip.matches("[0-9.]+|[0-9A-Fa-f:.]+") || !ip.matches(".*[.:].*")) {
      return new Value.Bool(false);
    }
    try {
      byte[] bytes = InetAddress.getByName(ip).getAddress();
      // An address of the other family is outside the network, as in the evaluator.
      return new Value.Bool(network.contains(bytes));
    } catch (UnknownHostException e) {
      return new Value.Bool(false);
    }
  }

  /** {@code substr(text, start[, length])}: 1-based, a negative start counts from the end. */
  private static Value substr(List<EvalExprContext> args, EvalExpressions eval, String text) {
    if (args.size() != 2 && args.size() != 3) {
      throw new UnmodelledException("substr takes two or three arguments: " + text);
    }
    Value subject = args.get(0).accept(eval);
    BigDecimal start = Value.number(args.get(1).accept(eval));
    if (subject == null || start == null) {
      return null;
    }
    String string = Value.text(subject);
    int from = start.intValue() > 0 ? start.intValue() - 1 : string.length() + start.intValue();
    if (from < 0) {
      throw new UnmodelledException("substr starting before the string: " + text);
    }
    int to = string.length();
    if (args.size() == 3) {
      BigDecimal length = Value.number(args.get(2).accept(eval));
      if (length == null) {
        return null;
      }
      to = Math.min(string.length(), from + length.intValue());
    }
    return new Value.Text(from >= to ? "" : string.substring(from, to));
  }

  private static boolean condition(Value value, String text) {
    if (value == null) {
      throw new UnmodelledException("if() or case() over a null condition: " + text);
    }
    if (!(value instanceof Value.Bool)) {
      throw new UnmodelledException("if() or case() over a non-Boolean condition: " + text);
    }
    return ((Value.Bool) value).truth();
  }

  private static void arity(List<EvalExprContext> args, int count, String text) {
    if (args.size() != count) {
      throw new UnmodelledException("wrong number of arguments: " + text);
    }
  }
}
