package dev.gatehouse.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import dev.gatehouse.error.GatehouseException;

/**
 * Sends a {@link GatehouseException} raised inside the security filters, such as the session store
 * being unreachable while a bearer token is checked, to the shared problem+json handler. Without it the
 * exception would escape the filter chain and become a bare 500.
 */
final class GatehouseExceptionFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver resolver;

    GatehouseExceptionFilter(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (GatehouseException exception) {
            if (response.isCommitted()) {
                throw exception;
            }
            resolver.resolveException(request, response, null, exception);
        }
    }
}
