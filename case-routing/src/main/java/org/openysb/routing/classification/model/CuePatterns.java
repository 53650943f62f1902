package org.openysb.routing.classification.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles a misconduct cue so that a long text is scanned quickly: a cue is an alternation of wordings ("暗示…送",
 * "表示一下", …), and the regex engine would try every alternative at every position of a 5,000-character letter. A
 * look-ahead on the characters a match can start with lets it skip, at one test per position, the positions where no
 * alternative can start; what matches, and where, is unchanged. The start characters are read from the regex itself
 * (so a new wording needs nothing else); a regex that is not a plain alternation of literal-led wordings is compiled
 * as it is.
 */
final class CuePatterns {
    private static final String HAN = "\\p{IsHan}";

    private CuePatterns() {}

    static Pattern compile(String regex) {
        String ahead = lookAhead(regex);
        return Pattern.compile(ahead.isEmpty() ? regex : ahead + "(?:" + regex + ")");
    }

    /** {@code (?=[…]|\p{IsHan}某)} for the regex, or "" when its start characters cannot be told. */
    static String lookAhead(String regex) {
        Set<Integer> chars = new LinkedHashSet<>();
        Set<String> hanLed = new LinkedHashSet<>();
        if (!collect(regex, chars, hanLed)) {
            return "";
        }
        StringBuilder ahead = new StringBuilder("(?=[");
        chars.forEach(cp -> {
            if ("\\[]^-&".indexOf(cp) >= 0) {
                ahead.append('\\');
            }
            ahead.appendCodePoint(cp);
        });
        ahead.append(']');
        hanLed.forEach(h -> ahead.append('|').append(h));
        return ahead.append(')').toString();
    }

    /** Adds the start characters of each alternative; false when one cannot be told. */
    private static boolean collect(String alternation, Set<Integer> chars, Set<String> hanLed) {
        List<String> alternatives = splitTopLevel(alternation);
        if (alternatives == null) {
            return false;
        }
        for (String alt : alternatives) {
            if (alt.isEmpty()) {
                return false;
            }
            if (alt.startsWith("(?:")) {
                int end = closing(alt);
                if (end < 0 || optional(alt, end + 1) || !collect(alt.substring(3, end), chars, hanLed)) {
                    return false;
                }
            } else if (alt.startsWith(HAN)) {
                // any Chinese character followed by a literal one (X某): the pair is the look-ahead
                int at = HAN.length();
                if (optional(alt, at) || at >= alt.length() || !literal(alt.codePointAt(at))) {
                    return false;
                }
                int next = at + Character.charCount(alt.codePointAt(at));
                if (optional(alt, next)) {
                    return false;
                }
                hanLed.add(HAN + new String(Character.toChars(alt.codePointAt(at))));
            } else {
                int cp = alt.codePointAt(0);
                if (!literal(cp) || optional(alt, Character.charCount(cp))) {
                    return false;
                }
                chars.add(cp);
            }
        }
        return true;
    }

    private static boolean literal(int cp) {
        return ".[]()\\^$|?*+{}".indexOf(cp) < 0;
    }

    /** Whether the atom ending before {@code at} carries a quantifier that lets it match nothing or repeat. */
    private static boolean optional(String s, int at) {
        return at < s.length() && "?*+{".indexOf(s.charAt(at)) >= 0;
    }

    /** The index of the parenthesis closing the group that opens at 0, or -1. */
    private static int closing(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = s.indexOf(']', i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The alternatives at nesting depth 0, or null if the parentheses do not balance. */
    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = s.indexOf(']', i);
                if (i < 0) {
                    return null;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            return null;
        }
        parts.add(s.substring(start));
        return parts;
    }
}
