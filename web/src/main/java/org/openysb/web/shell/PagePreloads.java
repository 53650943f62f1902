package org.openysb.web.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What {@code index.html} announces in its head for a page address, read from the front end's
 * {@code page-preloads.json} (written by its build): the page's own chunks as {@code modulepreload}, its styles as
 * {@code preload}, and the first API answer it needs as a {@code fetch} preload. The browser then loads them
 * together with the entry script instead of discovering them one after another (entry, router, page chunk, API
 * call), which on a phone saves two or three round trips before the page shows. The chunks and styles are asked
 * for with low priority: they must not compete with the entry script and the shell's stylesheet, which the first
 * paint waits for.
 *
 * <p>A page is found by the first segment of its path ({@code /track/TS…} → {@code track}). A fetch may name
 * {@code {caseNumber}} (the second path segment) and {@code {token}} (the {@code token} query parameter); it is
 * announced only when both look like what the services issue, so that nothing else from the address reaches the
 * page's markup.
 */
final class PagePreloads {
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,256}");
    private static final Pattern ASSET = Pattern.compile("/[A-Za-z0-9._/-]+");

    private record Page(String links, List<String> fetches) {}

    private final Map<String, Page> pages = new HashMap<>();

    PagePreloads(JsonObject manifest) {
        JsonObject all = manifest.getJsonObject("pages", new JsonObject());
        for (String segment : all.fieldNames()) {
            JsonObject page = all.getJsonObject(segment);
            StringBuilder links = new StringBuilder();
            for (String file : assets(page.getJsonArray("modulepreload"))) {
                links.append("<link rel=\"modulepreload\" fetchpriority=\"low\" crossorigin href=\"")
                        .append(file)
                        .append("\">");
            }
            for (String file : assets(page.getJsonArray("style"))) {
                links.append("<link rel=\"preload\" as=\"style\" fetchpriority=\"low\" crossorigin href=\"")
                        .append(file)
                        .append("\">");
            }
            List<String> fetches = assets(page.getJsonArray("fetch")).stream()
                    .filter(f -> f.startsWith("/api/"))
                    .toList();
            pages.put(segment, new Page(links.toString(), fetches));
        }
    }

    static PagePreloads none() {
        return new PagePreloads(new JsonObject());
    }

    /** The links for a page address ({@code path} without the query), or "" when the page has none. */
    String linksFor(String path, String token) {
        String[] segments = path.substring(1).split("/", -1);
        Page page = pages.get(segments[0]);
        if (page == null) {
            return "";
        }
        StringBuilder links = new StringBuilder(page.links());
        String caseNumber = segments.length > 1 ? segments[1] : null;
        for (String fetch : page.fetches()) {
            String url = fetch;
            if (url.contains("{caseNumber}")) {
                if (caseNumber == null || !CASE_NUMBER.matcher(caseNumber).matches()) {
                    continue;
                }
                url = url.replace("{caseNumber}", caseNumber);
            }
            if (url.contains("{token}")) {
                if (token == null || !TOKEN.matcher(token).matches()) {
                    continue;
                }
                url = url.replace("{token}", token);
            }
            links.append("<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"")
                    .append(url)
                    .append("\">");
        }
        return links.toString();
    }

    /** Asset and API paths as the build wrote them; anything that would need escaping in markup is left out. */
    private static List<String> assets(JsonArray files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(f -> ASSET.matcher(f.replaceAll("[{}?=&]", "")).matches())
                .toList();
    }
}
