package dev.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2HashTest {

    private static final String STORED = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
            + "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

    @Test
    void parseWhenPhcStringThenFields() {
        Argon2Hash hash = Argon2Hash.parse(STORED).orElseThrow();

        assertThat(hash.type()).isEqualTo(Argon2Parameters.ARGON2_id);
        assertThat(hash.version()).isEqualTo(Argon2Parameters.ARGON2_VERSION_13);
        assertThat(hash.memoryKib()).isEqualTo(19456);
        assertThat(hash.iterations()).isEqualTo(2);
        assertThat(hash.parallelism()).isEqualTo(1);
        assertThat(hash.salt()).asString().isEqualTo("somesaltsomesalt");
        assertThat(hash.hash()).hasSize(32).startsWith(0, 1, 2, 3);
    }

    @Test
    void encodeWhenParsedThenSameString() {
        assertThat(Argon2Hash.parse(STORED).orElseThrow().encode()).isEqualTo(STORED);
    }

    @Test
    void parseWhenNoVersionThenVersion16() {
        Argon2Hash hash = Argon2Hash.parse("$argon2i$m=4096,t=3,p=2$c29tZXNhbHQ$AAECAwQFBgc").orElseThrow();

        assertThat(hash.type()).isEqualTo(Argon2Parameters.ARGON2_i);
        assertThat(hash.version()).isEqualTo(Argon2Parameters.ARGON2_VERSION_10);
        assertThat(hash.parallelism()).isEqualTo(2);
    }

    @Test
    void parseWhenPaddedBase64ThenAccepted() {
        assertThat(Argon2Hash.parse("$argon2d$v=16$m=64,t=1,p=1$c29tZXNhbHQ=$AAECAwQFBgc=")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not a hash",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "$argon2x$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=18$m=19456,t=2,p=1$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$t=2,m=19456,p=1$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=19456,t=2$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=7,t=2,p=1$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=19456,t=2,p=0$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=-1,t=2,p=1$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=99999999999,t=2,p=1$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=2147483647,t=1,p=1$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=19456,t=1000000,p=1$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=19456,t=2,p=17$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$AAEC",
        "$argon2id$v=19$m=19456,t=2,p=1$not*base64$AAECAwQFBgc",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$AAECAwQFBgc$extra",
        "argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$AAECAwQFBgc"
    })
    void parseWhenMalformedThenEmpty(String encoded) {
        assertThat(Argon2Hash.parse(encoded)).isEmpty();
    }

    @Test
    void toStringThenNoSaltOrHash() {
        String text = Argon2Hash.parse(STORED).orElseThrow().toString();

        assertThat(text).contains("argon2id", "m=19456").doesNotContain("c29tZXNhbHQ", "AAECAwQF");
    }
}
