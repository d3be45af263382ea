package dev.gatehouse.session;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Where a sign-in came from, shown to the user in their session list.
 *
 * @param userAgent the {@code User-Agent} request header
 * @param address the client's IP address as the server sees it
 * @param clientId the registered OAuth client that started the session through the token endpoint, or
 *     null for a sign-in without one; only that client may refresh the session
 */
public record ClientInfo(@Nullable String userAgent, @Nullable String address, @Nullable String clientId) {

    public ClientInfo(@Nullable String userAgent, @Nullable String address) {
        this(userAgent, address, null);
    }

    /** Reads the user agent and address of a sign-in request. */
    public static ClientInfo of(HttpServletRequest request, @Nullable String clientId) {
        return new ClientInfo(decodeUtf8(request.getHeader(HttpHeaders.USER_AGENT)), request.getRemoteAddr(), clientId);
    }

    /**
     * Re-decodes a header value as UTF-8. Tomcat reads header bytes as ISO-8859-1, so "Bob’s iPhone"
     * would otherwise be stored as mojibake. A value that is not valid UTF-8 is kept as it came.
     */
    private static @Nullable String decodeUtf8(@Nullable String header) {
        if (header == null || header.chars().allMatch(character -> character < 0x80)) {
            return header;
        }
        if (header.chars().anyMatch(character -> character > 0xFF)) {
            return header;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return header;
        }
    }
}
