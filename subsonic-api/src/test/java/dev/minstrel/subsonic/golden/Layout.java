package dev.minstrel.subsonic.golden;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays an answer out one element (XML) or one value (JSON) per line, so that a change to an answer
 * reads as a change to a few lines in review. It only adds line breaks and indentation where the
 * server wrote none, between tags and between JSON tokens, and never inside a string, an attribute
 * or a text: every byte the server sent is still there, in the same order.
 */
final class Layout {

    private static final String INDENT = "  ";

    private Layout() {
    }

    /** One element per line; an element holding only text (a genre, a lyrics line) stays on one line. */
    static String xml(String answer) {
        StringBuilder out = new StringBuilder(answer.length() + answer.length() / 4);
        int depth = 0;
        for (String tag : pieces(answer)) {
            boolean closing = tag.startsWith("</");
            boolean selfClosing = tag.endsWith("/>");
            boolean withText = !closing && tag.indexOf("</") > 0;
            if (closing) {
                depth--;
            }
            out.append(INDENT.repeat(Math.max(depth, 0))).append(tag).append('\n');
            if (!closing && !selfClosing && !withText) {
                depth++;
            }
        }
        return out.toString();
    }

    /** The answer cut where a tag ends and the next begins ({@code ><}); '<' never stands unescaped elsewhere. */
    private static List<String> pieces(String answer) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = answer.indexOf("><"); i >= 0; i = answer.indexOf("><", i + 1)) {
            pieces.add(answer.substring(start, i + 1));
            start = i + 1;
        }
        pieces.add(answer.substring(start));
        return pieces;
    }

    /** One value per line, objects and arrays indented; an empty {@code {}} or {@code []} stays as it is. */
    static String json(String answer) {
        StringBuilder out = new StringBuilder(answer.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < answer.length(); i++) {
            char c = answer.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(answer.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    char close = c == '{' ? '}' : ']';
                    if (i + 1 < answer.length() && answer.charAt(i + 1) == close) {
                        out.append(c).append(close);
                        i++;
                    } else {
                        depth++;
                        out.append(c).append('\n').append(INDENT.repeat(depth));
                    }
                }
                case '}', ']' -> {
                    depth--;
                    out.append('\n').append(INDENT.repeat(depth)).append(c);
                }
                case ',' -> out.append(c).append('\n').append(INDENT.repeat(depth));
                default -> out.append(c);
            }
        }
        return out.append('\n').toString();
    }

    /**
     * The answer with the entries of its list in a fixed order, for the calls that shuffle them
     * (random albums and songs, similar songs): the entries stay byte for byte as they were.
     */
    static String sortedEntries(String answer, boolean json) {
        int open = json ? answer.indexOf('[') : answer.indexOf('>', answer.indexOf('>') + 1) + 1;
        if (open <= 0 || !json && answer.charAt(open - 2) == '/') {
            return answer; // no entries
        }
        int close = json ? matching(answer, open) : answer.lastIndexOf("</", answer.lastIndexOf("</") - 1);
        List<String> entries = json ? jsonValues(answer.substring(open + 1, close))
                : xmlElements(answer.substring(open, close));
        List<String> sorted = entries.stream().sorted().toList();
        String joined = String.join(json ? "," : "", sorted);
        return json ? answer.substring(0, open + 1) + joined + answer.substring(close)
                : answer.substring(0, open) + joined + answer.substring(close);
    }

    /** The index of the bracket that closes the one at {@code open}. */
    private static int matching(String text, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced JSON: " + text);
    }

    private static List<String> jsonValues(String list) {
        List<String> values = new ArrayList<>();
        int start = 0;
        while (start < list.length()) {
            int end = matching(list, start) + 1;
            values.add(list.substring(start, end));
            start = end + 1;
        }
        return values;
    }

    private static List<String> xmlElements(String children) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (String tag : pieces(children)) {
            current.append(tag);
            boolean closing = tag.startsWith("</");
            boolean open = !closing && !tag.endsWith("/>") && tag.indexOf("</") < 0;
            depth += open ? 1 : closing ? -1 : 0;
            if (depth == 0) {
                elements.add(current.toString());
                current.setLength(0);
            }
        }
        return elements;
    }
}
