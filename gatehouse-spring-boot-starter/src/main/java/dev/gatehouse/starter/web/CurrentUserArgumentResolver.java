package dev.gatehouse.starter.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import dev.gatehouse.starter.CurrentUser;
import dev.gatehouse.starter.GatehouseUser;

/**
 * Binds {@code @CurrentUser GatehouseUser} parameters. A required user is guaranteed by
 * {@link EndpointAuthorizationInterceptor}, which rejects the request with 401 before the handler runs.
 */
public final class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentUser.class)
                && GatehouseUser.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Object user = request == null ? null : request.getAttribute(BearerTokenFilter.USER_ATTRIBUTE);
        CurrentUser annotation = parameter.getParameterAnnotation(CurrentUser.class);
        if (user == null && annotation != null && annotation.required()) {
            // Unreachable through Spring MVC's dispatch, because the interceptor rejects such requests.
            throw new IllegalStateException("No Gatehouse user for the required @CurrentUser parameter of "
                    + parameter.getExecutable());
        }
        return user;
    }
}
