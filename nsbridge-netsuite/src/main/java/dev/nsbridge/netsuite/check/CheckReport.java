package dev.nsbridge.netsuite.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** What {@code nsbridge check} found for one NetSuite account; printable as text or JSON. */
public record CheckReport(String account, List<CheckStep> steps) {
    public CheckReport {
        steps = List.copyOf(steps);
    }

    /** True when no step failed (warnings allowed). */
    public boolean passed() {
        return steps.stream().noneMatch(s -> s.status() == CheckStep.Status.FAILED);
    }

    public String toText() {
        StringBuilder text = new StringBuilder("NetSuite account ").append(account).append('\n');
        for (CheckStep step : steps) {
            text.append(String.format(Locale.ROOT, "  [%-7s] %s: %s%n", step.status().wireName(), step.name(),
                    step.detail()));
            step.fix().ifPresent(fix -> text.append("            fix: ").append(fix).append('\n'));
        }
        return text.toString();
    }

    public String toJson() {
        try {
            return new ObjectMapper().writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check report of strings is always JSON", e);
        }
    }

    /** The report as JSON has it, in order: for whoever puts it into a larger document. */
    public Map<String, Object> toMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("account", account);
        root.put("passed", passed());
        List<Map<String, Object>> array = new ArrayList<>();
        for (CheckStep step : steps) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("name", step.name());
            node.put("status", step.status().wireName());
            node.put("detail", step.detail());
            step.fix().ifPresent(fix -> node.put("fix", fix));
            array.add(node);
        }
        root.put("steps", array);
        return root;
    }
}
