package dev.gatehouse.starter.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The request paths of {@code gatehouse.public-paths}, which need no token whatever their handler is.
 * Paths are matched like Spring MVC request mappings: within the context path and the servlet path.
 */
public final class PublicPaths {

    private final List<PathPattern> patterns;

    /** @param patterns path patterns in {@link PathPattern} syntax, already checked by the properties */
    public PublicPaths(List<String> patterns) {
        this.patterns = patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    boolean matches(HttpServletRequest request) {
        if (patterns.isEmpty()) {
            return false;
        }
        PathContainer path = pathWithinApplication(request);
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /**
     * Reads the path that the DispatcherServlet parsed for its handler mappings. When it parsed none,
     * because no mapping uses path patterns, the path is parsed here and removed again afterwards, so
     * that the request looks unchanged to the rest of Spring MVC.
     */
    private static PathContainer pathWithinApplication(HttpServletRequest request) {
        if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        }
        try {
            return ServletRequestPathUtils.parseAndCache(request).pathWithinApplication();
        } finally {
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
    }
}
