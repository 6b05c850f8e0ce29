package id.go.trenggalekkab.csirt.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code Authentication-Results} header field read per RFC 8601: its authserv-id and
 * its results, each with its method, result and properties. Comments are skipped and
 * quoted strings kept whole, so a {@code ;} or {@code =} inside a quoted
 * {@code smtp.mailfrom} neither splits a result nor makes a property. What it cannot read
 * yields no result, never a pass.
 */
record AuthenticationResults(String authservId, List<Result> results) {

    /** One method's result: {@code dkim=pass header.d=example.org}; names lowercased. */
    record Result(String method, String result, Map<String, String> properties) {

        boolean passed() {
            return result.equals("pass");
        }

        String property(String name) {
            return properties.get(name);
        }
    }

    static AuthenticationResults parse(String value) {
        List<List<Token>> segments = segments(tokens(value));
        if (segments.isEmpty() || segments.get(0).isEmpty() || segments.get(0).get(0).kind() != Kind.WORD) {
            return new AuthenticationResults("", List.of());
        }
        String authservId = segments.get(0).get(0).text().toLowerCase(Locale.ROOT);
        List<Result> results = new ArrayList<>();
        for (List<Token> segment : segments.subList(1, segments.size())) {
            Result result = result(segment);
            if (result != null) {
                results.add(result);
            }
        }
        return new AuthenticationResults(authservId, List.copyOf(results));
    }

    /** {@code method[/version] = result [reason=...] ptype.property=value ...}, or null where malformed. */
    private static Result result(List<Token> t) {
        if (t.size() < 3 || t.get(0).kind() != Kind.WORD || t.get(1).kind() != Kind.EQUALS
                || t.get(2).kind() != Kind.WORD) {
            return null;
        }
        String method = t.get(0).text().toLowerCase(Locale.ROOT).split("/", 2)[0];
        if ((t.size() - 3) % 3 != 0) {
            return null;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 3; i < t.size(); i += 3) {
            Token name = t.get(i);
            Token equals = t.get(i + 1);
            Token value = t.get(i + 2);
            if (name.kind() != Kind.WORD || equals.kind() != Kind.EQUALS || value.kind() == Kind.EQUALS) {
                return null;
            }
            properties.putIfAbsent(name.text().toLowerCase(Locale.ROOT), value.text());
        }
        return new Result(method, t.get(2).text().toLowerCase(Locale.ROOT), Map.copyOf(properties));
    }

    private enum Kind { WORD, QUOTED, EQUALS, SEMICOLON }

    private record Token(Kind kind, String text) {}

    private static List<List<Token>> segments(List<Token> tokens) {
        List<List<Token>> segments = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : tokens) {
            if (token.kind() == Kind.SEMICOLON) {
                segments.add(current);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        segments.add(current);
        return segments;
    }

    /** Words, quoted strings, '=' and ';'; comments (nested, with quoted-pairs) and white space dropped. */
    private static List<Token> tokens(String value) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                int depth = 0;
                do {
                    char d = value.charAt(i);
                    if (d == '\\') {
                        i++;
                    } else if (d == '(') {
                        depth++;
                    } else if (d == ')') {
                        depth--;
                    }
                    i++;
                } while (i < n && depth > 0);
            } else if (c == '"') {
                StringBuilder quoted = new StringBuilder();
                i++;
                while (i < n && value.charAt(i) != '"') {
                    if (value.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    quoted.append(value.charAt(i++));
                }
                i++;
                // a quoted local part runs on into its domain: "a;b"@example.org
                while (i < n && !Character.isWhitespace(value.charAt(i)) && "()\";=".indexOf(value.charAt(i)) < 0) {
                    quoted.append(value.charAt(i++));
                }
                tokens.add(new Token(Kind.QUOTED, quoted.toString()));
            } else if (c == '=') {
                tokens.add(new Token(Kind.EQUALS, "="));
                i++;
            } else if (c == ';') {
                tokens.add(new Token(Kind.SEMICOLON, ";"));
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(value.charAt(i)) && "()\";=".indexOf(value.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, value.substring(start, i)));
            }
        }
        return tokens;
    }
}
