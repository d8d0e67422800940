package dev.nsbridge.netsuite.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("account", account).put("passed", passed());
        ArrayNode array = root.putArray("steps");
        for (CheckStep step : steps) {
            ObjectNode node = array.addObject().put("name", step.name()).put("status", step.status().wireName())
                    .put("detail", step.detail());
            step.fix().ifPresent(fix -> node.put("fix", fix));
        }
        return root.toString();
    }
}
