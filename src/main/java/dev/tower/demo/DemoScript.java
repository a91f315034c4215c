package dev.tower.demo;

import dev.tower.db.SqlScript;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL file under {@code /demo/}, with its {@code ${name}} placeholders filled and cut into the steps
 * marked {@code -- @step name}, so each step can be timed and named when it fails.
 */
final class DemoScript {
    record Step(String script, String name, String sql) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");
    private static final String MARKER = "-- @step ";

    private DemoScript() {}

    static List<Step> load(String file, Map<String, String> params) {
        String text = fill(SqlScript.load("/demo/" + file), params);
        List<Step> steps = new ArrayList<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(MARKER)) {
                add(steps, file, name, body);
                name = line.substring(MARKER.length()).trim();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        add(steps, file, name, body);
        return steps;
    }

    static String fill(String sql, Map<String, String> params) {
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void add(List<Step> steps, String file, String name, StringBuilder body) {
        String sql = body.toString();
        boolean onlyComments = sql.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("--"));
        if (onlyComments) {
            return;
        }
        if (name == null) {
            throw new IllegalStateException(file + " has SQL before its first '-- @step' marker");
        }
        steps.add(new Step(file, name, sql));
    }
}
