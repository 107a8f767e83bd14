package org.w3id.vlmsurvey.server.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that turns a template and its model into an HTML page: Pebble, with automatic HTML escaping of
 * every value (a value is written unescaped only where a template says {@code | raw}), templates read from the
 * classpath folder {@value #FOLDER} and compiled once. Every page extends {@code layout.peb}.
 */
public final class Templates {
    static final String FOLDER = "org/w3id/vlmsurvey/server/web/templates/";
    private static final PebbleEngine ENGINE = engine();

    private Templates() {}

    private static PebbleEngine engine() {
        ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
        loader.setPrefix(FOLDER);
        loader.setSuffix(".peb");
        loader.setCharset(StandardCharsets.UTF_8.name());
        return new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(false)
                .newLineTrimming(true)
                .defaultLocale(Locale.ENGLISH)
                .extension(new SiteExtension())
                .build();
    }

    /**
     * The filters the templates use beside Pebble's own: {@code href}, where this site shows an IRI or a path
     * ({@link Html#href}), a link to a reader page carrying the version the page shows when it is an older one
     * ({@link VersionLinks#link}, from the model's {@code version}); {@code carried}, the value a form sends to stay
     * in that version ({@code version-field.peb}); and the global {@code endpoints} ({@code endpoints.sparql},
     * {@code endpoints.data}: the paths of {@link Endpoints}), so that no template or script writes a path of its own.
     */
    private static final class SiteExtension extends AbstractExtension {
        @Override
        public Map<String, Object> getGlobalVariables() {
            return Map.of("endpoints", Endpoints.forTemplates());
        }

        @Override
        public Map<String, Filter> getFilters() {
            return Map.of(
                    "href",
                    filter((input, context) -> input == null
                            ? null
                            : VersionLinks.link(
                                    Html.href(input.toString()), VersionLinks.carried(context.getVariable("version")))),
                    "carried",
                    filter((input, context) -> VersionLinks.carried(input)));
        }

        /** A filter without arguments: {@code f} of the value filtered and the template's context. */
        private static Filter filter(java.util.function.BiFunction<Object, EvaluationContext, Object> f) {
            return new Filter() {
                @Override
                public List<String> getArgumentNames() {
                    return List.of();
                }

                @Override
                public Object apply(
                        Object input,
                        Map<String, Object> args,
                        PebbleTemplate self,
                        EvaluationContext context,
                        int line) {
                    return f.apply(input, context);
                }
            };
        }
    }

    /** The page made by template {@code name} (without {@code .peb}) from {@code model}. */
    public static String render(String name, Map<String, ?> model) {
        StringWriter out = new StringWriter();
        try {
            Map<String, Object> m = new HashMap<String, Object>(model);
            m.putIfAbsent("surveyCitation", SurveyCitation.current()); // the footer's "Cite this survey"
            ENGINE.getTemplate(name).evaluate(out, m, Locale.ENGLISH);
        } catch (IOException e) {
            throw new UncheckedIOException("template " + name + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** A page in the site's layout around a body built in Java (already escaped). */
    static String page(String title, String body) {
        return render("generic", Map.of("title", title, "body", body));
    }

    /** Sends the page made by template {@code name} from {@code model} as {@code text/html}. */
    public static void send(HttpServletResponse resp, String name, Map<String, ?> model) throws IOException {
        Negotiation.html(resp, render(name, model));
    }
}
