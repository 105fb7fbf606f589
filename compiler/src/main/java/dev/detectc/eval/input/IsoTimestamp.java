package dev.detectc.eval.input;

/**
 * A hand-written ISO-8601 reader for {@code YYYY-MM-DD[(T| )hh:mm[:ss[.f…]]][Z|±hh[:mm]]}.
 * java.time's formatters cost microseconds per call, too much for logs read at hundreds of
 * thousands of events a second; this one only walks the characters.
 */
final class IsoTimestamp {

  private IsoTimestamp() {}

  static boolean looksNumeric(String text) {
    int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || ((c == 'e' || c == 'E') && i > start)
          || ((c == '-' || c == '+') && (text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Epoch microseconds, or {@link EventTime#NONE} when the text is not such a timestamp. */
  static long parse(String s) {
    int n = s.length();
    if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return EventTime.NONE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return EventTime.NONE;
    }
    long seconds = daysFromCivil(year, month, day) * 86_400L;
    long micros = 0;
    int i = 10;
    if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == 't' || s.charAt(i) == ' ')) {
      if (n < i + 6 || s.charAt(i + 3) != ':') {
        return EventTime.NONE;
      }
      int hour = digits(s, i + 1, 2);
      int minute = digits(s, i + 4, 2);
      int second = 0;
      i += 6;
      if (i < n && s.charAt(i) == ':') {
        second = digits(s, i + 1, 2);
        i += 3;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
          int start = ++i;
          long fraction = 0;
          while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            if (i - start < 6) {
              fraction = fraction * 10 + (s.charAt(i) - '0');
            }
            i++;
          }
          if (i == start) {
            return EventTime.NONE;
          }
          for (int k = Math.min(i - start, 6); k < 6; k++) {
            fraction *= 10;
          }
          micros = fraction;
        }
      }
      if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
        return EventTime.NONE;
      }
      seconds += hour * 3600L + minute * 60L + second;
    }
    int offset = offsetSeconds(s, i);
    if (offset == Integer.MIN_VALUE) {
      return EventTime.NONE;
    }
    return (seconds - offset) * 1_000_000L + micros;
  }

  /** The zone offset written from {@code i} on, 0 for none or Z, MIN_VALUE when malformed. */
  private static int offsetSeconds(String s, int i) {
    int n = s.length();
    if (i == n) {
      return 0;
    }
    char c = s.charAt(i);
    if ((c == 'Z' || c == 'z') && i + 1 == n) {
      return 0;
    }
    if (c != '+' && c != '-') {
      return Integer.MIN_VALUE;
    }
    String rest = s.substring(i + 1).replace(":", "");
    if (rest.length() != 2 && rest.length() != 4) {
      return Integer.MIN_VALUE;
    }
    int hours = digits(rest, 0, 2);
    int minutes = rest.length() == 4 ? digits(rest, 2, 2) : 0;
    if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int total = hours * 3600 + minutes * 60;
    return c == '-' ? -total : total;
  }

  private static int digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int daysInMonth(int year, int month) {
    if (month == 2) {
      boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse). */
  private static long daysFromCivil(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }
}
