package dev.minstrel.server.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text bound for the log: Subsonic's {@code p}, {@code t}, {@code s},
 * {@code apiKey} and signature parameters in a URL or form body, passwords and codes in JSON
 * bodies, API keys, bearer tokens, the session cookie and invite codes. Minstrel's own code never
 * logs these; this is the net under libraries that log a request with its query string (Spring
 * does when an error reaches it after the answer began, e.g. a stream cut short by a disk error).
 */
public final class Redaction {

    private static final String MASK = "***";

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            // name=value in a query string or form body: preceded by nothing, ?, &, ;, a space, a quote or (
            new Rule(Pattern.compile("(?<![^?&;\\s\"'(])(p|t|s|apiKey|sig|password|currentPassword|newPassword"
                    + "|inviteCode|token)=[^&\\s\"'<>)]*"), "$1=" + MASK),
            new Rule(Pattern.compile("\"(password|currentPassword|newPassword|inviteCode|key|apiKey|token)\"\\s*:\\s*"
                    + "\"(?:[^\"\\\\]|\\\\.)*\""), "\"$1\":\"" + MASK + "\""),
            new Rule(Pattern.compile("msk_[A-Za-z0-9_-]+"), "msk_" + MASK),
            new Rule(Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+"), "$1" + MASK),
            new Rule(Pattern.compile("(MINSTREL_SESSION=)[^;\\s\"']+"), "$1" + MASK),
            new Rule(Pattern.compile("(/api/invites/)[^/\\s?\"']+"), "$1" + MASK),
            new Rule(Pattern.compile("(/join[^#\\s\"']*#)[A-Za-z0-9_-]+"), "$1" + MASK));

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(rule.replacement());
            }
        }
        return result;
    }
}
