package dev.nsbridge.sandbox.netsuite.rest;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON the way NetSuite writes it: every {@code /} escaped as {@code \/} (SuiteQL hrefs, dates like
 * {@code 1\/15\/2024}); keys in the order the maps hold them.
 */
public final class NetSuiteJson {
    private static final ObjectMapper NETSUITE =
            JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new SlashEscapes()).build()).build();
    private static final ObjectMapper PLAIN = JsonMapper.builder().build();

    private NetSuiteJson() {
    }

    /** NetSuite's wire form. */
    public static String write(Object value) {
        return write(NETSUITE, value);
    }

    /** Ordinary JSON, for what is not NetSuite's wire (the startup line). */
    public static String writePlain(Object value) {
        return write(PLAIN, value);
    }

    /** A link object, {@code rel} before {@code href} as NetSuite writes them. */
    static Map<String, String> link(String rel, String href) {
        Map<String, String> link = new LinkedHashMap<>();
        link.put("rel", rel);
        link.put("href", href);
        return link;
    }

    public static ObjectMapper reader() {
        return PLAIN;
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException unserializable) {
            throw new IllegalStateException("an answer could not be written as JSON", unserializable);
        }
    }

    private static final class SlashEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] codes = standardAsciiEscapesForJSON();
        private final SerializedString slash = new SerializedString("\\/");

        SlashEscapes() {
            codes['/'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == '/' ? slash : null;
        }
    }
}
