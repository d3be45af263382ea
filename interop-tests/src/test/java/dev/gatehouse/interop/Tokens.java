package dev.gatehouse.interop;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Forges altered copies of access tokens, to check that verifiers reject them. */
public final class Tokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Tokens() {
    }

    /**
     * Returns the token with one claim of its payload replaced and the original header and signature,
     * as an attacker who edits a token would send it.
     */
    public static String withClaim(String token, String claim, String value) {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        payload.put(claim, value);
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + encoded + "." + parts[2];
    }
}
