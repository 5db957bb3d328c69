package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * {@code openapi.json} is a valid OpenAPI 3 document and describes exactly the routes the servlets declare. The
 * servlets are found the way the HTTP whiteboard finds them, in the component descriptions bnd generates
 * ({@code OSGI-INF/*.xml}), so a new servlet is checked without anyone adding it here.
 */
class OpenApiDocumentTest {

    private static final Path COMPONENTS = Path.of("target/classes/OSGI-INF");

    @Test
    void theDocumentIsValidOpenApi3WithTheErrorShapeAndBearerScheme() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document(), null, options);

        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api).isNotNull();
        assertThat(api.getComponents().getSchemas().get("Error").getRequired()).containsExactlyInAnyOrder("status", "detail");
        assertThat(api.getComponents().getSecuritySchemes().get("bearerAuth").getScheme()).isEqualTo("bearer");
    }

    @Test
    void everyRouteOfEveryServletIsDocumentedWithItsMethodsAndNothingElse() throws Exception {
        Map<String, Set<String>> declared = declaredRoutes();
        assertThat(declared).as("routes found in %s", COMPONENTS)
                .containsKeys("/tasks", "/tasks/{}/run", "/pointers/{}/receive", "/pipeline/{}/audit", "/health",
                        "/openapi.json");

        Map<String, Set<String>> documented = new TreeMap<>();
        OpenAPI api = new OpenAPIV3Parser().readContents(document(), null, new ParseOptions()).getOpenAPI();
        api.getPaths().forEach((path, item) -> documented.put(template(path), methods(item)));

        assertThat(documented).isEqualTo(declared);
    }

    /** Path template (variables as {@code {}}) to methods, of every RoutedServlet the bundle registers. */
    private static Map<String, Set<String>> declaredRoutes() throws Exception {
        Map<String, Set<String>> routes = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(COMPONENTS)) {
            files = list.filter(p -> p.toString().endsWith(".xml")).toList();
        }
        for (Path file : files) {
            Element component = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                    .getDocumentElement();
            List<String> patterns = property(component, "osgi.http.whiteboard.servlet.pattern");
            if (patterns.isEmpty()) {
                continue;
            }
            String implementation = ((Element) component.getElementsByTagName("implementation").item(0))
                    .getAttribute("class");
            Object servlet = Class.forName(implementation).getDeclaredConstructor().newInstance();
            assertThat(servlet).as(implementation + " serves " + patterns + ", so it must declare its routes")
                    .isInstanceOf(RoutedServlet.class);
            Routes declared = ((RoutedServlet) servlet).routes();
            for (String pattern : patterns) {
                String prefix = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
                for (Routes.Route route : declared.all()) {
                    if (route.pattern().isEmpty() && pattern.endsWith("/*") && patterns.contains(prefix)) {
                        continue; // "/tasks/" is "/tasks" again
                    }
                    String path = route.pattern().isEmpty() ? prefix : prefix + "/" + String.join("/", route.pattern());
                    routes.put(template(path), new TreeSet<>(route.methods()));
                }
            }
        }
        return routes;
    }

    private static List<String> property(Element component, String name) {
        NodeList properties = component.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("name").equals(name)) {
                String value = property.hasAttribute("value") ? property.getAttribute("value")
                        : property.getTextContent();
                return value.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            }
        }
        return List.of();
    }

    private static Set<String> methods(PathItem item) {
        Set<String> methods = new TreeSet<>();
        item.readOperationsMap().keySet().forEach(m -> methods.add(m.name().toUpperCase(Locale.ROOT)));
        methods.remove("HEAD");
        methods.remove("OPTIONS");
        return methods;
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static String document() {
        return new String(OpenApiServlet.load(), StandardCharsets.UTF_8);
    }
}
