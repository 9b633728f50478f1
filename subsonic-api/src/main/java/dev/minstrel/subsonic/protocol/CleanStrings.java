package dev.minstrel.subsonic.protocol;

import dev.minstrel.library.catalogue.CleanText;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdScalarSerializer;

/**
 * Writes every string of an answer through {@link CleanText}: texts are cleaned when clients
 * store them, but tags read from files and rows stored before that cleaning may still hold a
 * control character, which XML cannot carry (the writer would fail, and every XML answer showing
 * it with it) and a lone surrogate, which UTF-8 cannot.
 */
final class CleanStrings extends StdScalarSerializer<String> {

    CleanStrings() {
        super(String.class);
    }

    static SimpleModule module() {
        return new SimpleModule("clean strings").addSerializer(String.class, new CleanStrings());
    }

    /** As Jackson's own string serializer: an empty string counts as empty, so NON_EMPTY leaves it out. */
    @Override
    public boolean isEmpty(SerializationContext context, String value) {
        return value == null || CleanText.of(value).isEmpty();
    }

    @Override
    public void serialize(String value, JsonGenerator generator, SerializationContext context) {
        generator.writeString(CleanText.of(value));
    }
}
