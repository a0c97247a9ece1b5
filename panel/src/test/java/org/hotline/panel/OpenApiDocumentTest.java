package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotline.panel.http.Router;
import org.junit.jupiter.api.Test;

/** {@code panel/openapi.yaml} documents every route the server has, with its method, and no other. */
class OpenApiDocumentTest {
    @Test
    void everyRouteIsDocumented() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("openapi.yaml"));
        List<String> documented = new ArrayList<>();
        String path = null;
        for (String line : lines) {
            if (line.matches("  /\\S*:\\s*")) {
                path = line.trim().replaceAll(":$", "");
            } else if (path != null && line.matches("    (get|put|post|delete|patch):\\s*")) {
                documented.add(line.trim().replace(":", "").toUpperCase(Locale.ROOT) + " " + path);
            } else if (line.matches("\\S.*")) {
                path = null;
            }
        }
        try (PanelHarness h = new PanelHarness()) {
            List<String> routes = h.server.routes().stream().map((Router.Route r) -> r.method() + " " + r.pattern()).toList();
            assertThat(documented).containsExactlyInAnyOrderElementsOf(routes);
        }
    }
}
