package dev.gatehouse.benchmarks.load;

import java.io.IOException;

/**
 * Reads one string member from a flat JSON response and escapes strings for request bodies. Token
 * responses are small and their values never contain escapes, so a parser would only add load-generator
 * CPU to the measurement.
 */
final class JsonFields {

    private JsonFields() {
    }

    static String stringMember(String json, String name) throws IOException {
        String key = "\"" + name + "\"";
        int keyAt = json.indexOf(key);
        if (keyAt < 0) {
            throw new IOException("response has no member " + name);
        }
        int open = json.indexOf('"', json.indexOf(':', keyAt + key.length()) + 1);
        int close = json.indexOf('"', open + 1);
        if (open < 0 || close < 0) {
            throw new IOException("member " + name + " is not a string");
        }
        return json.substring(open + 1, close);
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (char character : value.toCharArray()) {
            switch (character) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (character < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) character));
                    } else {
                        quoted.append(character);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
