package dev.gatehouse.starter.token;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The one HTTP client for every call to the issuer: discovery, JWK Set and revocation feed. Connect and
 * read timeouts are short because each call either blocks a request thread or delays the feed.
 * It also serves as the Nimbus {@link ResourceRetriever} of the JWK Set, so key fetches share the timeouts.
 */
public final class IssuerHttpClient implements ResourceRetriever, DisposableBean {

    /** Connect and read timeout of every call to the issuer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final HttpClient httpClient;
    private final RestClient restClient;

    public IssuerHttpClient() {
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(TIMEOUT);
        this.restClient = RestClient.builder()
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    /** Fetches a JSON object; throws {@link RestClientException} on a network error, a non-2xx status or bad JSON. */
    public Map<String, Object> getJsonObject(URI uri) {
        Map<String, Object> body = restClient.get().uri(uri).retrieve().body(JSON_OBJECT);
        if (body == null) {
            throw new RestClientException("Empty response body from " + uri);
        }
        return body;
    }

    /** Fetches JSON and binds it to {@code type}; throws {@link RestClientException} like {@link #getJsonObject}. */
    public <T> T getJson(URI uri, Class<T> type) {
        T body = restClient.get().uri(uri).retrieve().body(type);
        if (body == null) {
            throw new RestClientException("Empty response body from " + uri);
        }
        return body;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        try {
            ResponseEntity<String> response = restClient.get().uri(url.toURI()).retrieve().toEntity(String.class);
            MediaType contentType = response.getHeaders().getContentType();
            String body = response.getBody();
            return new Resource(body == null ? "" : body, contentType == null ? null : contentType.toString());
        } catch (RestClientException | java.net.URISyntaxException exception) {
            // Nimbus treats an IOException as "the key source is unavailable".
            throw new IOException("Failed to fetch the JWK Set from " + url + ": " + exception.getMessage(), exception);
        }
    }

    @Override
    public void destroy() {
        httpClient.close();
    }
}
