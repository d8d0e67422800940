package dev.nsbridge.sandbox.klaviyo;

import java.util.ArrayList;
import java.util.List;

/** The relationships a request asks to include ({@code include=a,b}); the spec's enum has checked the names. */
final class Includes {
    private Includes() {
    }

    static List<String> of(ApiCall call) {
        List<String> names = new ArrayList<>();
        call.query().getOrDefault("include", List.of()).forEach(value -> {
            for (String name : value.split(",")) {
                if (!name.isBlank() && !names.contains(name.trim())) {
                    names.add(name.trim());
                }
            }
        });
        return names;
    }
}
