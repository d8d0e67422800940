package dev.nsbridge.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class TimeZonesTest {

    @Test
    void shouldAcceptIanaNamesAndUtc() {
        assertThat(TimeZones.parse("Europe/Berlin")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(TimeZones.parse("UTC")).contains(ZoneOffset.UTC);
        assertThat(TimeZones.validator().check("America/New_York")).isEmpty();
    }

    @Test
    void shouldRefuseFixedOffsetsAndUnknownNamesWithASuggestion() {
        assertThat(TimeZones.parse("+02:00")).isEmpty();
        assertThat(TimeZones.parse("Mars/Olympus")).isEmpty();
        assertThat(TimeZones.validator().check("Europe/Berln")).hasValueSatisfying(invalid -> {
            assertThat(invalid.message()).isEqualTo("is not an IANA time zone name");
            assertThat(invalid.fix()).isEqualTo("did you mean Europe/Berlin?");
        });
        assertThat(TimeZones.validator().check("+02:00")).hasValueSatisfying(invalid -> assertThat(invalid.fix())
                .isEqualTo("write a name such as Europe/Berlin, America/New_York or UTC"));
    }
}
